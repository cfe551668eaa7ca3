### guest-join: Hebrew (עברית) translation of en/main.ftl.
### ניסוח מנומס וניטרלי מגדרית ככל האפשר (יש ל…, אפשר ל…). מונחים: פגישה (meeting), מארגן הפגישה (organizer), לובי (lobby), אורח (guest), אישור כניסה (let in), שכבת הביניים (middle tier).

## Page

page-title = הצטרפות לפגישה
page-description = הצטרפות לפגישת Skype for Business בגישת אורח, ללא חשבון.
page-noscript = דף זה דורש JavaScript כדי להצטרף לפגישה.
page-part-missing = הדף לא נטען עד הסוף. יש לבדוק את החיבור לאינטרנט ולטעון את הדף מחדש.
page-reload = לטעון את הדף מחדש
setup-problem = הדף הזה עדיין לא הוגדר: נדרשים בו <meta name="guest-join-middle-tier" content="https://…/"> עם הכתובת של שירות guest-join שלו, ו-<meta name="guest-join-meeting-hosts"> עם מארחי הפגישות שהוא משרת. ראו „Hosting the app yourself” ב-README.
brand-logo-alt = לוגו

## Link screen

link-title = הצטרפות לפגישה
link-lead = יש להדביק את הקישור מההזמנה לפגישה. אין צורך בחשבון.
link-continue = המשך

## Meeting link field

link-field-label = קישור לפגישה
link-field-placeholder = https://meet.lync.com/…
link-field-hint = יש להדביק את הקישור מההזמנה לפגישה.
link-field-joinable = פגישת Skype for Business Online { $meeting_id }. אפשר להצטרף אליה בגישת אורח.
link-field-on-premises = פגישת Skype for Business Server { $meeting_id }. אפשר להצטרף אליה בגישת אורח.
link-error-too-long = הטקסט ארוך מדי מכדי להיות קישור לפגישה. יש להעתיק רק את הקישור מההזמנה.
link-error-not-a-link = זה לא נראה כמו קישור. קישורים לפגישות מתחילים ב-https://
link-error-unsupported-scheme = זהו קישור מסוג { $scheme }:, ולא קישור לפגישה. קישורים לפגישות מתחילים ב-https://
link-error-insecure = הקישור אינו מאובטח (http://). יש לבקש ממארגן הפגישה את הקישור לפגישה שמתחיל ב-https://.
link-error-teams = זהו קישור של Microsoft Teams. יש לפתוח אותו ב-Teams; דף זה מיועד לפגישות Skype for Business.
link-error-not-a-meeting = הקישור לא מוביל לפגישה. יש לוודא שהעתקת את הקישור המלא מההזמנה.
link-error-missing-meeting-id = נראה שהקישור לפגישה קטוע: קוד הפגישה בסופו חסר. יש להעתיק את הקישור המלא מההזמנה.
link-error-not-a-conference = זוהי כתובת Skype של אדם, ולא פגישה. יש לבקש ממארגן הפגישה את הקישור לפגישה.
link-error-has-credentials = הקישור מכיל שם משתמש או סיסמה, דבר שאין אף פעם בקישורים לפגישות. יש להעתיק שוב את הקישור מההזמנה.

## Name screen

name-title = הצטרפות לפגישה
name-title-subject = הצטרפות לפגישה „{ $subject }”
name-meeting-id = פגישת Skype for Business { $meeting_id }
name-label = השם שלך
name-help = המשתתפים האחרים בפגישה יראו את השם הזה.
name-error-empty = יש להזין שם, כדי שהמשתתפים האחרים יזהו אותך.
name-error-too-long = { $max ->
    [one] השם ארוך מדי; אפשר להשתמש בתו אחד לכל היותר.
    [two] השם ארוך מדי; אפשר להשתמש בשני תווים לכל היותר.
   *[other] השם ארוך מדי; אפשר להשתמש ב-{ $max } תווים לכל היותר.
}
name-join = הצטרפות לפגישה
name-joining = מתבצעת הצטרפות…
name-change-link = שימוש בקישור אחר

## Joining steps

joining-title = מתבצעת הצטרפות לפגישה
joining-title-subject = מתבצעת הצטרפות לפגישה „{ $subject }”
joining-cancel = ביטול
steps-label = התקדמות ההצטרפות
step-checking-link = בדיקת הקישור
step-getting-access = קבלת גישה
step-connecting = התחברות
step-waiting-in-lobby = המתנה בלובי
step-in-meeting = בפגישה
step-done = (הושלם)
step-in-progress = (בתהליך)

## Lobby

lobby-title = המתנה לאישור כניסה
lobby-lead = מארגן הפגישה { $subject } יודע שהגעת ויאשר את כניסתך בקרוב.
lobby-lead-no-subject = מארגן הפגישה יודע שהגעת ויאשר את כניסתך בקרוב.
lobby-waiting-for = זמן המתנה: { $time }
elapsed-seconds = { $seconds ->
    [one] שנייה אחת
    [two] שתי שניות
   *[other] { $seconds } שניות
}
elapsed-minutes-seconds = { $minutes ->
    [one] דקה אחת
    [two] שתי דקות
   *[other] { $minutes } דקות
} { $seconds ->
    [one] ושנייה אחת
    [two] ושתי שניות
   *[other] ו-{ $seconds } שניות
}
lobby-tab-hint = אפשר לעבור ללשונית אחרת; כותרת הדף תשתנה כשהכניסה שלך תאושר.
lobby-notify-me = התראה כשהכניסה שלי תאושר
lobby-leave = יציאה

## Browser tab titles

tab-title-joining = הצטרפות: { $subject }…
tab-title-joining-no-subject = מתבצעת הצטרפות לפגישה…
tab-title-lobby = המתנה לאישור כניסה – { $subject }
tab-title-lobby-no-subject = המתנה לאישור כניסה – פגישה
tab-title-meeting = בפגישה: { $subject }
tab-title-meeting-no-subject = בפגישה
tab-title-meeting-unread = ({ $count }) בפגישה: { $subject }
tab-title-meeting-unread-no-subject = ({ $count }) בפגישה

## Announcements and notifications

notify-admitted-title = נכנסת לפגישה
notify-admitted-body = הכניסה שלך לפגישה „{ $subject }” אושרה.
notify-admitted-body-no-subject = הכניסה שלך לפגישה אושרה.
announce-admitted = הכניסה שלך אושרה. נכנסת לפגישה.
announce-lobby = נכנסת ללובי. מארגן הפגישה יאשר את כניסתך.
announce-in-meeting = נכנסת לפגישה „{ $subject }”.
announce-in-meeting-no-subject = נכנסת לפגישה.
announce-participant-joined = { $name } – הצטרפות לפגישה.
announce-participant-left = { $name } – יציאה מהפגישה.
announce-message = הודעה מ-{ $sender }: { $text }
notify-message-title = הודעה חדשה מ-{ $sender }
announce-message-failed = לא ניתן היה לשלוח את ההודעה שלך. אפשר לנסות שוב.
announce-send-failed = לא ניתן היה לשלוח את ההודעה.
announce-reconnecting = החיבור התנתק. מתבצע חיבור מחדש…
announce-reconnected = החיבור חודש.

## Meeting screen

meeting-title-fallback = פגישה
meeting-status-in = בפגישה כעת
meeting-status-leaving = מתבצעת יציאה…
meeting-status-reconnecting = מתבצע חיבור מחדש…
meeting-notify-me = התראה על הודעות חדשות
meeting-leave = יציאה
meeting-reconnecting-banner = החיבור התנתק. מתבצע חיבור מחדש… ההודעות שלך נשמרות.

## People

roster-title = משתתפים ({ $count })
roster-lobby-count = { $count ->
    [one] אדם אחד ממתין בלובי
    [two] שני אנשים ממתינים בלובי
   *[other] { $count } אנשים ממתינים בלובי
}
roster-you = את/ה
roster-you-badge = אורח
roster-organizer = מארגן
roster-origin-guest = אורח
roster-origin-skype = Skype
roster-origin-other-organisation = אורח מארגון אחר

## Join by phone

dial-in-title = הצטרפות בטלפון
dial-in-call = חיוג
dial-in-toll-free = { $region } (ללא תשלום)
dial-in-conference-id = מזהה ועידה: { $id }
dial-in-more-numbers = מספרים נוספים

## Chat

chat-title = צ'אט
chat-log-label = הודעות
chat-empty = אין עדיין הודעות.
chat-new-messages = הודעות חדשות
chat-sender-you = את/ה
chat-sending = בשליחה…
chat-sent = נשלחה
chat-not-sent = לא נשלחה.
chat-retry = לנסות שוב
typing-one = { $name } מקליד/ה…
typing-two = { $first } ו-{ $second } מקלידים…
typing-several = כמה משתתפים מקלידים…
chat-input-label = הודעה
chat-placeholder = הקלדת הודעה
chat-placeholder-connecting = מתבצע חיבור לצ'אט… אפשר כבר להקליד
chat-input-help = יש ללחוץ על Enter כדי לשלוח, ועל Shift+Enter לשורה חדשה.
chat-send = שליחה

## After the meeting

outcome-left-title = יצאת מהפגישה
outcome-left-detail = הנוכחות שלך בפגישה הסתיימה.
outcome-left-next = אם יצאת בטעות, אפשר להצטרף מחדש.
outcome-ended-title = הפגישה הסתיימה
outcome-ended-detail = מארגן הפגישה סיים אותה, ולכן כל המשתתפים יצאו.
outcome-ended-next = אם מארגן הפגישה יתחיל אותה מחדש, אפשר להצטרף מחדש עם אותו קישור.
outcome-removed-title = הוסרת מהפגישה
outcome-removed-detail = אחד ממארגני הפגישה הסיר אותך ממנה.
outcome-removed-next = אם לדעתך זו טעות, אפשר לבקש להצטרף שוב.
outcome-denied-title = הכניסה לא אושרה
outcome-denied-detail = מארגן הפגישה לא אישר את כניסתך מהלובי.
outcome-denied-next = יש לוודא עם מארגן הפגישה שזו הפגישה והשעה הנכונות, ואז לבקש להצטרף שוב.
outcome-lobby-timeout-title = אף אחד לא אישר את כניסתך
outcome-lobby-timeout-detail = המתנת בלובי, אבל אף אחד לא אישר את כניסתך בזמן.
outcome-lobby-timeout-next = ייתכן שמארגן הפגישה עדיין לא התחיל. אפשר לבקש להצטרף שוב בעוד כמה דקות.
outcome-retry-rejoin = הצטרפות מחדש
outcome-retry-ask-again = בקשה חוזרת להצטרף
outcome-change-link = שימוש בקישור אחר

## Join failed

failure-link-not-usable-title = אי אפשר להשתמש בקישור הזה כאן
failure-link-not-usable-detail = לא ניתן להצטרף לפגישה עם הקישור הזה דרך הדף הזה.
failure-link-not-usable-next = יש לוודא שהעתקת את הקישור המלא, או לבקש קישור חדש ממארגן הפגישה.
failure-meeting-not-found-title = הקישור לא מוביל לפגישה שמתקיימת עכשיו
failure-meeting-not-found-detail = ייתכן שהפגישה הסתיימה או בוטלה, או שהקישור אינו עדכני.
failure-meeting-not-found-next = יש לבקש קישור חדש ממארגן הפגישה.
failure-invitation-required-title = נדרש קישור ההזמנה שלך
failure-invitation-required-detail = אפשר להצטרף לפגישה הזאת רק עם הקישור האישי מההזמנה שלך.
failure-invitation-required-next = יש לפתוח את הקישור מהודעת ההזמנה.
failure-invitation-invalid-title = ההזמנה אינה תקפה
failure-invitation-invalid-detail = קישור ההזמנה פגום או שייך לפגישה אחרת.
failure-invitation-invalid-next = יש לפתוח שוב את הקישור מהודעת ההזמנה, או לבקש הזמנה חדשה.
failure-invitation-expired-title = תוקף ההזמנה פג
failure-invitation-expired-detail = קישורי הזמנה פועלים לזמן מוגבל בלבד.
failure-invitation-expired-next = יש לבקש קישור חדש מהאדם ששלח לך את ההזמנה.
failure-origin-not-allowed-title = האתר הזה לא יכול להצטרף לפגישה
failure-origin-not-allowed-detail = לאתר הזה אין הרשאה להתחבר לשירות הפגישות.
failure-origin-not-allowed-next = יש לפתוח ישירות את הקישור מההזמנה, או לדווח לבעלי האתר.
failure-access-expired-title = תוקף הגישה שלך פג
failure-access-expired-detail = תוקף הגישה שלך לפגישה פג, ולא ניתן היה לחדש אותה.
failure-access-expired-next = אפשר לנסות שוב כדי לקבל גישה חדשה.
failure-meeting-full-title = הפגישה מלאה
failure-meeting-full-detail = כרגע לא ניתן לצרף אנשים נוספים לפגישה הזאת.
failure-meeting-full-next = אפשר לנסות שוב מאוחר יותר, או לדווח למארגן הפגישה.
failure-refused-title = שירות הפגישות סירב
failure-refused-detail = שירות הפגישות דחה את בקשת ההצטרפות.
failure-refused-next = אפשר לנסות שוב. אם הבעיה חוזרת, יש לבקש קישור חדש ממארגן הפגישה.
failure-service-unavailable-title = שירות הפגישות אינו זמין
failure-service-unavailable-detail = שירות הפגישות עמוס או מושבת כרגע.
failure-service-unavailable-next = יש להמתין דקה ולנסות שוב.
failure-rate-limited-title = יותר מדי ניסיונות
failure-rate-limited-detail = מהמכשיר הזה היו יותר מדי ניסיונות הצטרפות בזמן קצר.
failure-rate-limited-next = יש להמתין דקה ולנסות שוב.
failure-network-lost-title = החיבור נותק
failure-network-lost-detail = לא הצלחנו להתחבר לשירות הפגישות.
failure-network-lost-next = יש לבדוק את החיבור לאינטרנט ולנסות שוב.
failure-opened-elsewhere-title = הפגישה פתוחה אצלך במקום אחר
failure-opened-elsewhere-detail = הפגישה נפתחה בחלון או בלשונית אחרים, והם השתלטו עליה.
failure-opened-elsewhere-next = יש לסגור את החלון האחר ואז להמשיך כאן.
failure-incompatible-title = משהו השתבש
failure-incompatible-detail = שירות הפגישות השיב בצורה שהדף הזה לא מבין.
failure-incompatible-next = אפשר לנסות שוב. אם הבעיה חוזרת, יש לפנות למארגן הפגישה.
failure-rate-limited-wait = { $seconds ->
    [one] אפשר לנסות שוב בעוד שנייה אחת.
    [two] אפשר לנסות שוב בעוד שתי שניות.
   *[other] אפשר לנסות שוב בעוד { $seconds } שניות.
}
failure-retry = לנסות שוב
failure-retry-continue-here = להמשיך כאן

## Staff link check

check-title = בדיקת קישור לפגישה
check-lead = לפני שליחת קישור ללקוח, יש לבדוק שאורח יכול להצטרף איתו מהאתר הזה.
check-participant-name = בדיקת קישור
check-joins-label = להצטרף גם לפגישה לרגע. כל הנוכחים יראו משתתף בשם „{ $name }” נכנס ויוצא.
check-submit = בדיקת הקישור
check-joins-note = הבדיקה מצטרפת לפגישה בשם „{ $name }” ויוצאת מיד.
check-no-join-note = אף אחד לא מצטרף לפגישה.
check-results-label = תוצאות הבדיקה
check-step-link = הקישור הוא קישור לפגישת Skype for Business
check-step-guest-access = השירות הזה מעניק גישת אורח לפגישה
check-step-meeting-service = שירות הפגישות מקבל אורחים מהאתר הזה
check-step-guest-application = אפשר להגדיר אורח בשירות הפגישות
check-step-join-meeting = אורח יכול להיכנס לפגישה
check-state-not-checked = לא נבדק
check-state-checking = בבדיקה…
check-state-passed-in = עבר תוך { $ms } אלפיות שנייה
check-state-passed = עבר
check-state-failed = נכשל
check-verdict-works = הקישור הזה עובד. אורחים יכולים להצטרף איתו מהאתר הזה.
check-verdict-fails = אורחים לא יכולים להצטרף עם הקישור הזה מהאתר הזה. השלב שנכשל מסביר למה ומה לעשות.
check-copy-report = העתקת הדוח
check-copied = הדוח הועתק. אפשר להדביק אותו בכרטיס התמיכה או בדוא״ל.
check-copy-failed = הדפדפן לא איפשר העתקה; יש לבחור את הדוח שלמטה ולהעתיק אותו.
check-show-report = הצגת הדוח

## Link check details

check-detail-answered = { $host } השיב { $status }{ $codes }
check-detail-no-answer = { $host }: אין תשובה קריאה{ $codes }
check-detail-said = הודעת השירות: { $reason }
check-detail-upstream = שירות במעלה הזרם: { $line }
check-detail-advice = מה לעשות: { $advice }
check-detail-request-id = מזהה הבקשה: { $id }
check-note-lobby = הבדיקה המתינה בלובי: אורחים נכנסים ברגע שמארגן מאשר את כניסתם.
check-upstream-answered = { $service } ({ $host }) השיב { $status }{ $codes }
check-upstream-no-answer = { $service } ({ $host }) לא השיב{ $codes }
check-upstream-aad-token = שירות האסימונים של Azure AD
check-upstream-discover = הגילוי של Trusted Application API
check-upstream-applications = רשימת היישומים של Trusted Application API
check-upstream-application = היישום של Trusted Application API
check-upstream-guest-token = אסימון האורח של Trusted Application API
check-upstream-adhoc-meeting = פגישת אד-הוק של Trusted Application API

## Link check advice

check-advice-host-unknown = מארח לא ידוע
check-advice-middle-tier-no-answer = שכבת הביניים ({ $host }) לא השיבה. יש לוודא שהיא פועלת ושאפשר להגיע אליה מכאן.
check-advice-hidden-refusal = שירות הפגישות ({ $host }) לא החזיר תשובה שהדפדפן הזה רשאי לקרוא. לרוב השירות דחה את האתר הזה ({ $origin }) והדפדפן הסתיר את הדחייה: שכבת הביניים חייבת לכלול את { $origin } ב-GUEST_JOIN_ALLOWED_ORIGINS, שאותו היא שולחת בתור allowedOrigins עם כל אסימון אורח. אחרת, אי אפשר להגיע לשירות הפגישות מכאן.
check-advice-service-no-answer = שירות הפגישות ({ $host }) לא השיב. יש לוודא שאפשר להגיע אליו מכאן, ולנסות שוב.
check-advice-token-refused = שירות הפגישות דחה את אסימון האורח. יש לוודא ששכבת הביניים ושירות הפגישות מסונכרנים לאותה שעה, וכן ששכבת הביניים מפנה לשירות הפגישות הזה.
check-advice-origin-refused = שירות הפגישות דוחה אורחים מהאתר הזה ({ $origin }). יש להוסיף את { $origin } ל-GUEST_JOIN_ALLOWED_ORIGINS של שכבת הביניים; שרת מקומי (on-premises) חייב גם לכלול אותו ב-CrossDomainAuthorizationList שלו.
check-advice-server-origin-refused = שרת Skype for Business Server של החברה דוחה אורחים מהאתר הזה ({ $origin }). מנהל השרת חייב להוסיף את { $origin } ל-CrossDomainAuthorizationList של השרת (Set-CsWebServiceConfiguration).
check-advice-meeting-not-found = שירות הפגישות לא מכיר פגישה בקישור הזה, או שהיא הסתיימה. יש לבקש קישור חדש ממארגן הפגישה.
check-advice-service-trouble = בשירות הפגישות ({ $host }) יש תקלה. יש לנסות שוב בעוד כמה דקות; אם התקלה נמשכת, יש למסור את מזהה הבקשה לתמיכה של Microsoft או למנהל השרת.
check-advice-step-refused = שירות הפגישות ({ $host }) דחה את השלב. יש למסור את הקודים ואת מזהה הבקשה שלמעלה למי שמפעיל אותו.
check-advice-origin-not-listed = האתר הזה ({ $origin }) לא נמצא ב-GUEST_JOIN_ALLOWED_ORIGINS של שכבת הביניים. יש להוסיף אותו שם, או להריץ את הבדיקה מאתר שנמצא ברשימה.
check-advice-host-not-allowed = המארח של הקישור אינו אחד מהמארחים ששכבת הביניים מצטרפת לפגישות שלהם. יש לתקן את הקישור, או להוסיף את המארח שלו ל-GUEST_JOIN_MEETING_HOSTS.
check-advice-invalid-link = שכבת הביניים לא מזהה את זה כקישור לפגישה. יש להעתיק שוב את הקישור מההזמנה לפגישה.
check-advice-no-meeting = שירות הפגישות לא מכיר פגישה בקישור הזה, או שהיא הסתיימה. יש לבדוק את הקישור עם מארגן הפגישה, או לקבוע פגישה חדשה.
check-advice-invitation-required = שכבת הביניים הזו מכניסה אורחים רק עם הזמנה חתומה (GUEST_JOIN_REQUIRE_INVITATION). יש לשלוח לאורחים קישור הזמנה שנוצר באמצעות staff API.
check-advice-invitation-invalid = ההזמנה אינה תקפה לפגישה הזאת. יש ליצור הזמנה חדשה באמצעות staff API.
check-advice-invitation-expired = תוקף ההזמנה פג. יש ליצור הזמנה חדשה באמצעות staff API.
check-advice-rate-limited = נשלחו מכאן יותר מדי בקשות בזמן האחרון. יש להמתין דקה ולבדוק שוב.
check-advice-session-not-valid = שכבת הביניים לא הנפיקה את מזהה ההפעלה הזה: היא הופעלה מחדש, או שהיא פועלת בכמה מופעים ללא GUEST_JOIN_SESSION_KEY משותף. יש להגדיר את אותו מפתח בכל המופעים.
check-advice-microsoft-no-answer = שירותי Microsoft לא השיבו לשכבת הביניים. יש לנסות שוב בעוד כמה דקות.
check-advice-middle-tier-broken = שכבת הביניים מוגדרת באופן שגוי או תקולה. יש לחפש את מזהה הבקשה ביומן שלה.
check-advice-middle-tier-refused = שכבת הביניים דחתה את הבקשה. יש לחפש את מזהה הבקשה ביומן שלה.
check-advice-aad-credentials = Azure AD דחה את אישורי היישום של שכבת הביניים. יש לבדוק את GUEST_JOIN_TENANT, את GUEST_JOIN_CLIENT_ID ואת סוד הלקוח (ייתכן שתוקפו פג).
check-advice-app-refused = Trusted Application API דחה את היישום: יש לוודא שלרישום היישום יש את ההרשאה guest-join, שמנהל מערכת נתן הסכמה, וש-GUEST_JOIN_ENDPOINT היא נקודת הקצה שלו.
check-advice-endpoint-unknown = Trusted Application API לא מכיר את נקודת הקצה של היישום הזה. יש לבדוק את GUEST_JOIN_ENDPOINT ואת רישום היישום.
check-advice-microsoft-unreachable = שכבת הביניים לא הצליחה להגיע לשירותי Microsoft. יש לבדוק את הרשת שלה ולנסות שוב.
check-advice-microsoft-trouble = בשירותי Microsoft יש תקלה. יש לנסות שוב בעוד כמה דקות; אם התקלה נמשכת, יש למסור את מזהה הבקשה.
check-advice-join-denied = מארגן דחה את הבדיקה בלובי.
check-advice-join-lobby-timeout = אף אחד לא אישר בזמן את כניסת הבדיקה מהלובי.
check-advice-join-meeting-ended = הפגישה הסתיימה בזמן שהבדיקה הצטרפה.
check-advice-join-removed = מארגן הסיר את הבדיקה מהפגישה.
check-advice-join-not-found = שירות הפגישות לא מכיר פגישה בקישור הזה, או שהיא הסתיימה.
check-advice-join-full = הפגישה מלאה.
check-advice-join-refused = שירות הפגישות לא אישר את כניסת הבדיקה. יש למסור את הקודים ואת מזהה הבקשה שלמעלה.
check-advice-copy-link = יש להעתיק שוב את הקישור מההזמנה לפגישה. מבנה הקישור: https://meet.lync.com/<ארגון>/<מארגן>/<מזהה פגישה>.

## Link check report

report-heading = בדיקת קישור של guest-join
report-result = תוצאה:      { $verdict }
report-link = קישור:      { $link }
report-meeting-id = מזהה פגישה: { $meeting_id }
report-website = אתר:        { $website }
report-checked-at = נבדק ב:     { $started_at }
report-client = לקוח:       { $client }
report-step = { $number }. { $step }: { $outcome }
report-verdict-works = עובד: אורחים יכולים להצטרף עם הקישור הזה מהאתר הזה.
report-verdict-fails = נכשל: אורחים לא יכולים להצטרף עם הקישור הזה מהאתר הזה.
report-verdict-incomplete = לא הושלם: הבדיקה עוד לא הסתיימה.
report-outcome-passed-in = עבר תוך { $ms } אלפיות שנייה
report-outcome-passed = עבר
report-outcome-failed = נכשל
report-outcome-running = עדיין פועל
report-outcome-not-run = לא הורץ

language-label = שפה
