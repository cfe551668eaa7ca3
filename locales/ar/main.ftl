### guest-join: Arabic (العربية) translation of en/main.ftl.
### العربية الفصحى بصيغة مهذبة (يُرجى، يمكنك). المصطلحات: الاجتماع (meeting)، المنظِّم (organizer)، ساحة الانتظار (lobby)، ضيف (guest)، السماح بالدخول (let in)، الطبقة الوسيطة (middle tier).

## Page

page-title = الانضمام إلى اجتماع
page-description = انضم إلى اجتماع Skype for Business بصفتك ضيفًا.
page-noscript = تحتاج هذه الصفحة إلى JavaScript للانضمام إلى الاجتماع.
page-part-missing = لم يكتمل تحميل هذه الصفحة. يُرجى التحقق من اتصالك بالإنترنت، ثم إعادة تحميل الصفحة.
page-reload = إعادة تحميل الصفحة
setup-problem = لم يتم إعداد هذه الصفحة بعد: فهي تحتاج إلى <meta name="guest-join-middle-tier" content="https://…/"> مع عنوان خدمة guest-join الخاصة بها، وإلى <meta name="guest-join-meeting-hosts"> مع مضيفي الاجتماعات الذين تخدمهم. راجع «Hosting the app yourself» في ملف README.
brand-logo-alt = الشعار

## Link screen

link-title = الانضمام إلى اجتماع
link-lead = يُرجى لصق الرابط الوارد في دعوة الاجتماع. لا تحتاج إلى حساب.
link-continue = متابعة

## Meeting link field

link-field-label = رابط الاجتماع
link-field-placeholder = https://meet.lync.com/…
link-field-hint = يُرجى لصق الرابط الوارد في دعوة الاجتماع.
link-field-joinable = اجتماع Skype for Business Online رقم { $meeting_id }. يمكنك الانضمام إليه بصفتك ضيفًا.
link-field-on-premises = اجتماع Skype for Business Server رقم { $meeting_id }. يمكنك الانضمام إليه بصفتك ضيفًا.
link-error-too-long = هذا النص أطول من أن يكون رابط اجتماع. يُرجى نسخ الرابط فقط من دعوتك.
link-error-not-a-link = لا يبدو هذا رابطًا. تبدأ روابط الاجتماعات بـ https://
link-error-unsupported-scheme = هذا رابط من نوع { $scheme }:، وليس رابط اجتماع. تبدأ روابط الاجتماعات بـ https://
link-error-insecure = هذا الرابط غير آمن (http://). يُرجى طلب رابط الاجتماع الذي يبدأ بـ https:// من المنظِّم.
link-error-teams = هذا رابط Microsoft Teams. يُرجى فتحه في Teams؛ فهذه الصفحة مخصصة للانضمام إلى اجتماعات Skype for Business.
link-error-not-a-meeting = هذا الرابط لا يؤدي إلى اجتماع. يُرجى التحقق من أنك نسخت الرابط كاملًا من دعوتك.
link-error-missing-meeting-id = يبدو أن رابط الاجتماع هذا مقطوع: رمز الاجتماع في نهايته مفقود. يُرجى نسخ الرابط كاملًا من دعوتك.
link-error-not-a-conference = هذا عنوان Skype لشخص، وليس اجتماعًا. يُرجى طلب رابط الاجتماع من المنظِّم.
link-error-has-credentials = يحتوي هذا الرابط على اسم مستخدم أو كلمة مرور، وهو ما لا تحتويه روابط الاجتماعات أبدًا. يُرجى نسخ الرابط من دعوتك مرة أخرى.

## Name screen

name-title = الانضمام إلى الاجتماع
name-title-subject = الانضمام إلى «{ $subject }»
name-meeting-id = اجتماع Skype for Business رقم { $meeting_id }
name-label = اسمك
name-help = سيرى المشاركون الآخرون في الاجتماع هذا الاسم.
name-error-empty = يُرجى إدخال اسمك حتى يعرف الآخرون من أنت.
name-error-too-long = { $max ->
    [zero] هذا الاسم طويل جدًا؛ يُرجى استخدام { $max } حرف كحد أقصى.
    [one] هذا الاسم طويل جدًا؛ يُرجى استخدام حرف واحد كحد أقصى.
    [two] هذا الاسم طويل جدًا؛ يُرجى استخدام حرفين كحد أقصى.
    [few] هذا الاسم طويل جدًا؛ يُرجى استخدام { $max } أحرف كحد أقصى.
    [many] هذا الاسم طويل جدًا؛ يُرجى استخدام { $max } حرفًا كحد أقصى.
   *[other] هذا الاسم طويل جدًا؛ يُرجى استخدام { $max } حرف كحد أقصى.
}
name-join = الانضمام إلى الاجتماع
name-joining = جارٍ الانضمام…
name-change-link = استخدام رابط آخر

## Joining steps

joining-title = جارٍ الانضمام إلى الاجتماع
joining-title-subject = جارٍ الانضمام إلى «{ $subject }»
joining-cancel = إلغاء
steps-label = تقدّم الانضمام
step-checking-link = التحقق من الرابط
step-getting-access = الحصول على الوصول
step-connecting = الاتصال
step-waiting-in-lobby = الانتظار في ساحة الانتظار
step-in-meeting = في الاجتماع
step-done = (تم)
step-in-progress = (قيد التنفيذ)

## Lobby

lobby-title = في انتظار السماح بالدخول
lobby-lead = يعلم منظِّم الاجتماع { $subject } بوجودك وسيسمح لك بالدخول.
lobby-lead-no-subject = يعلم منظِّم الاجتماع بوجودك وسيسمح لك بالدخول.
lobby-waiting-for = مدة الانتظار: { $time }
elapsed-seconds = { $seconds ->
    [zero] { $seconds } ثانية
    [one] ثانية واحدة
    [two] ثانيتان
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}
elapsed-minutes-seconds = { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
} و{ $seconds ->
    [zero] { $seconds } ثانية
    [one] ثانية واحدة
    [two] ثانيتان
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}
lobby-tab-hint = يمكنك الانتقال إلى علامة تبويب أخرى؛ سيتغير عنوان هذه الصفحة عندما يُسمح لك بالدخول.
lobby-notify-me = إعلامي عند السماح لي بالدخول
lobby-leave = مغادرة

## Browser tab titles

tab-title-joining = جارٍ الانضمام إلى { $subject }…
tab-title-joining-no-subject = جارٍ الانضمام إلى الاجتماع…
tab-title-lobby = في انتظار السماح بالدخول – { $subject }
tab-title-lobby-no-subject = في انتظار السماح بالدخول – الاجتماع
tab-title-meeting = في { $subject }
tab-title-meeting-no-subject = في الاجتماع
tab-title-meeting-unread = ({ $count }) في { $subject }
tab-title-meeting-unread-no-subject = ({ $count }) في الاجتماع

## Announcements and notifications

notify-admitted-title = أنت الآن في الاجتماع
notify-admitted-body = تم السماح لك بدخول «{ $subject }».
notify-admitted-body-no-subject = تم السماح لك بدخول الاجتماع.
announce-admitted = تم السماح لك بالدخول. أنت الآن في الاجتماع.
announce-lobby = أنت في ساحة الانتظار. سيسمح لك المنظِّم بالدخول.
announce-in-meeting = أنت الآن في «{ $subject }».
announce-in-meeting-no-subject = أنت الآن في الاجتماع.
announce-participant-joined = انضم { $name }.
announce-participant-left = غادر { $name }.
announce-message = رسالة من { $sender }: { $text }
notify-message-title = رسالة جديدة من { $sender }
announce-message-failed = تعذّر إرسال رسالتك. يمكنك المحاولة مرة أخرى.
announce-send-failed = تعذّر إرسال الرسالة.
announce-reconnecting = انقطع الاتصال. جارٍ إعادة الاتصال…
announce-reconnected = تمت إعادة الاتصال.

## Meeting screen

meeting-title-fallback = اجتماع
meeting-status-in = أنت الآن في الاجتماع
meeting-status-leaving = جارٍ المغادرة…
meeting-status-reconnecting = جارٍ إعادة الاتصال…
meeting-notify-me = إعلامي بالرسائل الجديدة
meeting-leave = مغادرة
meeting-reconnecting-banner = انقطع الاتصال. جارٍ إعادة الاتصال… رسائلك محفوظة.

## People

roster-title = الأشخاص ({ $count })
roster-lobby-count = { $count ->
    [zero] لا أحد ينتظر في ساحة الانتظار
    [one] شخص واحد ينتظر في ساحة الانتظار
    [two] شخصان ينتظران في ساحة الانتظار
    [few] { $count } أشخاص ينتظرون في ساحة الانتظار
    [many] { $count } شخصًا ينتظرون في ساحة الانتظار
   *[other] { $count } شخص ينتظرون في ساحة الانتظار
}
roster-you = أنت
roster-you-badge = ضيف
roster-organizer = المنظِّم
roster-origin-guest = ضيف
roster-origin-skype = Skype
roster-origin-other-organisation = ضيف من مؤسسة أخرى

## Join by phone

dial-in-title = الانضمام عبر الهاتف
dial-in-call = اتصال
dial-in-toll-free = { $region } (مجاني)
dial-in-conference-id = معرّف المؤتمر: { $id }
dial-in-more-numbers = مزيد من الأرقام

## Chat

chat-title = الدردشة
chat-log-label = الرسائل
chat-empty = لا توجد رسائل بعد.
chat-new-messages = رسائل جديدة
chat-sender-you = أنت
chat-sending = جارٍ الإرسال…
chat-sent = تم الإرسال
chat-not-sent = لم يتم الإرسال.
chat-retry = إعادة المحاولة
typing-one = { $name } يكتب…
typing-two = { $first } و{ $second } يكتبان…
typing-several = عدة أشخاص يكتبون…
chat-input-label = الرسالة
chat-placeholder = اكتب رسالة
chat-placeholder-connecting = جارٍ الاتصال بالدردشة… يمكنك البدء بالكتابة
chat-input-help = اضغط Enter للإرسال، وShift مع Enter لسطر جديد.
chat-send = إرسال

## After the meeting

outcome-left-title = لقد غادرت الاجتماع
outcome-left-detail = لم تعد في الاجتماع.
outcome-left-next = إذا غادرت عن طريق الخطأ، يمكنك إعادة الانضمام.
outcome-ended-title = انتهى الاجتماع
outcome-ended-detail = أنهى المنظِّم الاجتماع، لذا غادر الجميع.
outcome-ended-next = إذا بدأ المنظِّم الاجتماع مرة أخرى، يمكنك إعادة الانضمام باستخدام الرابط نفسه.
outcome-removed-title = تمت إزالتك من الاجتماع
outcome-removed-detail = أزالك أحد المنظِّمين من الاجتماع.
outcome-removed-next = إذا كنت تعتقد أن هذا خطأ، يمكنك طلب الانضمام مرة أخرى.
outcome-denied-title = لم يُسمح لك بالدخول
outcome-denied-detail = لم يسمح لك المنظِّم بالدخول من ساحة الانتظار.
outcome-denied-next = يُرجى التأكد مع المنظِّم من أن هذا هو الاجتماع والموعد الصحيحان، ثم طلب الانضمام مرة أخرى.
outcome-lobby-timeout-title = لم يسمح لك أحد بالدخول
outcome-lobby-timeout-detail = انتظرت في ساحة الانتظار، لكن لم يسمح لك أحد بالدخول في الوقت المناسب.
outcome-lobby-timeout-next = ربما لم يبدأ المنظِّم بعد. يُرجى طلب الانضمام مرة أخرى بعد بضع دقائق.
outcome-retry-rejoin = إعادة الانضمام
outcome-retry-ask-again = طلب الانضمام مرة أخرى
outcome-change-link = استخدام رابط آخر

## Join failed

failure-link-not-usable-title = لا يمكن استخدام هذا الرابط هنا
failure-link-not-usable-detail = لا يمكن الانضمام إلى هذا الاجتماع من خلال هذه الصفحة باستخدام هذا الرابط.
failure-link-not-usable-next = يُرجى التحقق من أنك نسخت الرابط كاملًا، أو طلب رابط جديد من المنظِّم.
failure-meeting-not-found-title = هذا الرابط لا يؤدي إلى اجتماع منعقد الآن
failure-meeting-not-found-detail = ربما انتهى الاجتماع أو أُلغي، أو ربما أصبح الرابط قديمًا.
failure-meeting-not-found-next = يُرجى طلب رابط جديد من المنظِّم.
failure-invitation-required-title = تحتاج إلى رابط دعوتك
failure-invitation-required-detail = لا يمكن الانضمام إلى هذا الاجتماع إلا بالرابط الشخصي الوارد في دعوتك.
failure-invitation-required-next = يُرجى فتح الرابط الوارد في رسالة الدعوة.
failure-invitation-invalid-title = هذه الدعوة غير صالحة
failure-invitation-invalid-detail = رابط الدعوة تالف أو يخص اجتماعًا آخر.
failure-invitation-invalid-next = يُرجى فتح الرابط الوارد في رسالة الدعوة مرة أخرى، أو طلب دعوة جديدة.
failure-invitation-expired-title = انتهت صلاحية هذه الدعوة
failure-invitation-expired-detail = تعمل روابط الدعوة لمدة محدودة فقط.
failure-invitation-expired-next = يُرجى طلب رابط جديد من الشخص الذي دعاك.
failure-origin-not-allowed-title = لا يمكن لهذا الموقع الانضمام إلى الاجتماع
failure-origin-not-allowed-detail = هذا الموقع غير مسموح له بالاتصال بخدمة الاجتماعات.
failure-origin-not-allowed-next = يُرجى فتح الرابط الوارد في دعوتك مباشرةً، أو إبلاغ مالك الموقع.
failure-access-expired-title = انتهت صلاحية وصولك
failure-access-expired-detail = انتهت صلاحية وصولك إلى الاجتماع وتعذّر تجديده.
failure-access-expired-next = يُرجى إعادة المحاولة للحصول على وصول جديد.
failure-meeting-full-title = الاجتماع ممتلئ
failure-meeting-full-detail = لا يمكن لمزيد من الأشخاص الانضمام إلى هذا الاجتماع حاليًا.
failure-meeting-full-next = يُرجى إعادة المحاولة لاحقًا، أو إبلاغ المنظِّم.
failure-refused-title = رفضت خدمة الاجتماعات الطلب
failure-refused-detail = رفضت خدمة الاجتماعات طلب الانضمام.
failure-refused-next = يُرجى إعادة المحاولة. إذا تكرر ذلك، فاطلب رابطًا جديدًا من المنظِّم.
failure-service-unavailable-title = خدمة الاجتماعات غير متاحة
failure-service-unavailable-detail = خدمة الاجتماعات مشغولة أو متوقفة حاليًا.
failure-service-unavailable-next = يُرجى الانتظار دقيقة، ثم إعادة المحاولة.
failure-rate-limited-title = محاولات كثيرة جدًا
failure-rate-limited-detail = حاول هذا الجهاز الانضمام مرات كثيرة جدًا خلال وقت قصير.
failure-rate-limited-next = يُرجى الانتظار دقيقة، ثم إعادة المحاولة.
failure-network-lost-title = انقطع الاتصال
failure-network-lost-detail = تعذّر علينا الوصول إلى خدمة الاجتماعات.
failure-network-lost-next = يُرجى التحقق من اتصالك بالإنترنت، ثم إعادة المحاولة.
failure-opened-elsewhere-title = أنت في الاجتماع من مكان آخر
failure-opened-elsewhere-detail = فُتح هذا الاجتماع في نافذة أو علامة تبويب أخرى، وقد تولّت هي الاجتماع.
failure-opened-elsewhere-next = يُرجى إغلاق النافذة الأخرى، ثم المتابعة هنا.
failure-incompatible-title = حدث خطأ ما
failure-incompatible-detail = ردّت خدمة الاجتماعات بطريقة لا تفهمها هذه الصفحة.
failure-incompatible-next = يُرجى إعادة المحاولة. إذا تكرر ذلك، فتواصل مع المنظِّم.
failure-rate-limited-wait = { $seconds ->
    [zero] يُرجى إعادة المحاولة بعد { $seconds } ثانية.
    [one] يُرجى إعادة المحاولة بعد ثانية واحدة.
    [two] يُرجى إعادة المحاولة بعد ثانيتين.
    [few] يُرجى إعادة المحاولة بعد { $seconds } ثوانٍ.
    [many] يُرجى إعادة المحاولة بعد { $seconds } ثانية.
   *[other] يُرجى إعادة المحاولة بعد { $seconds } ثانية.
}
failure-retry = إعادة المحاولة
failure-retry-continue-here = المتابعة هنا

## Staff link check

check-title = التحقق من رابط اجتماع
check-lead = قبل إرسال رابط إلى أحد العملاء، تحقق من أن الضيف يمكنه الانضمام به من هذا الموقع.
check-participant-name = التحقق من الرابط
check-joins-label = الانضمام أيضًا إلى الاجتماع لحظةً. سيرى جميع الحاضرين مشاركًا باسم «{ $name }» يدخل ويخرج.
check-submit = التحقق من الرابط
check-joins-note = ينضم التحقق إلى الاجتماع باسم «{ $name }» ثم يغادر فورًا.
check-no-join-note = لن ينضم أحد إلى الاجتماع.
check-results-label = نتائج التحقق
check-step-link = الرابط هو رابط اجتماع Skype for Business
check-step-guest-access = تمنح هذه الخدمة وصول الضيف إلى الاجتماع
check-step-meeting-service = تقبل خدمة الاجتماعات الضيوف القادمين من هذا الموقع
check-step-guest-application = يمكن إعداد ضيف في خدمة الاجتماعات
check-step-join-meeting = يمكن للضيف دخول الاجتماع
check-state-not-checked = لم يتم التحقق
check-state-checking = جارٍ التحقق…
check-state-passed-in = نجح خلال { $ms } ملّي ثانية
check-state-passed = نجح
check-state-failed = فشل
check-verdict-works = هذا الرابط يعمل. يمكن للضيوف الانضمام به من هذا الموقع.
check-verdict-fails = لا يمكن للضيوف الانضمام بهذا الرابط من هذا الموقع. توضّح الخطوة التي فشلت السبب وما يجب فعله.
check-copy-report = نسخ التقرير
check-copied = تم نسخ التقرير. الصقه في تذكرة الدعم أو البريد الإلكتروني.
check-copy-failed = لم يسمح المتصفح بالنسخ؛ حدّد التقرير أدناه وانسخه.
check-show-report = عرض التقرير

## Link check details

check-detail-answered = ردّ { $host } بالرمز { $status }{ $codes }
check-detail-no-answer = { $host }: لا يوجد رد قابل للقراءة{ $codes }
check-detail-said = رسالة الخدمة: { $reason }
check-detail-upstream = الخدمة الأولية: { $line }
check-detail-advice = ما يجب فعله: { $advice }
check-detail-request-id = معرّف الطلب: { $id }
check-note-lobby = انتظر التحقق في ساحة الانتظار: يدخل الضيوف بمجرد أن يسمح لهم أحد المنظِّمين.
check-upstream-answered = ردّ { $service } ({ $host }) بالرمز { $status }{ $codes }
check-upstream-no-answer = لم يردّ { $service } ({ $host }){ $codes }
check-upstream-aad-token = خدمة الرموز المميزة في Azure AD
check-upstream-discover = الاكتشاف في Trusted Application API
check-upstream-applications = قائمة التطبيقات في Trusted Application API
check-upstream-application = التطبيق في Trusted Application API
check-upstream-guest-token = رمز الضيف المميز في Trusted Application API
check-upstream-adhoc-meeting = الاجتماع المخصص في Trusted Application API

## Link check advice

check-advice-host-unknown = مضيف غير معروف
check-advice-middle-tier-no-answer = لم تردّ الطبقة الوسيطة ({ $host }). تحقق من أنها تعمل وأنه يمكن الوصول إليها من هنا.
check-advice-hidden-refusal = لم تقدّم خدمة الاجتماعات ({ $host }) أي رد يُسمح لهذا المتصفح بقراءته. في أغلب الأحيان رفضت الخدمة هذا الموقع ({ $origin }) وأخفى المتصفح الرفض: يجب أن تُدرج الطبقة الوسيطة { $origin } في GUEST_JOIN_ALLOWED_ORIGINS، التي ترسلها باسم allowedOrigins مع كل رمز ضيف مميز. وإلا فلا يمكن الوصول إلى خدمة الاجتماعات من هنا.
check-advice-service-no-answer = لم تردّ خدمة الاجتماعات ({ $host }). تحقق من إمكانية الوصول إليها من هنا، ثم أعد المحاولة.
check-advice-token-refused = رفضت خدمة الاجتماعات رمز الضيف المميز. تحقق من تطابق الوقت بين الطبقة الوسيطة وخدمة الاجتماعات، ومن أن الطبقة الوسيطة تشير إلى خدمة الاجتماعات هذه.
check-advice-origin-refused = ترفض خدمة الاجتماعات الضيوف القادمين من هذا الموقع ({ $origin }). أضف { $origin } إلى GUEST_JOIN_ALLOWED_ORIGINS في الطبقة الوسيطة؛ ويجب أيضًا على الخادم المحلي (on-premises) إدراجه في CrossDomainAuthorizationList الخاصة به.
check-advice-server-origin-refused = يرفض خادم Skype for Business Server الخاص بالشركة الضيوف القادمين من هذا الموقع ({ $origin }). يجب على مسؤول الخادم إضافة { $origin } إلى CrossDomainAuthorizationList الخاصة بالخادم (Set-CsWebServiceConfiguration).
check-advice-meeting-not-found = لا تعرف خدمة الاجتماعات أي اجتماع على هذا الرابط، أو أنه انتهى. اطلب رابطًا جديدًا من المنظِّم.
check-advice-service-trouble = تواجه خدمة الاجتماعات ({ $host }) مشكلة. أعد المحاولة بعد بضع دقائق؛ وإذا استمرت المشكلة، فأرسل معرّف الطلب إلى دعم Microsoft أو إلى مسؤول الخادم.
check-advice-step-refused = رفضت خدمة الاجتماعات ({ $host }) هذه الخطوة. أرسل الرموز ومعرّف الطلب الواردة أعلاه إلى الجهة التي تدير الخدمة.
check-advice-origin-not-listed = هذا الموقع ({ $origin }) غير مدرج في GUEST_JOIN_ALLOWED_ORIGINS في الطبقة الوسيطة. أضفه هناك، أو شغّل التحقق من موقع مدرج.
check-advice-host-not-allowed = مضيف الرابط ليس من المضيفين الذين تنضم إليهم الطبقة الوسيطة. صحّح الرابط، أو أضف مضيفه إلى GUEST_JOIN_MEETING_HOSTS.
check-advice-invalid-link = لا تتعرّف الطبقة الوسيطة على هذا بوصفه رابط اجتماع. انسخ الرابط مرة أخرى من دعوة الاجتماع.
check-advice-no-meeting = لا تعرف خدمة الاجتماعات أي اجتماع على هذا الرابط، أو أنه انتهى. تحقق من الرابط مع المنظِّم، أو حدّد موعد اجتماع جديد.
check-advice-invitation-required = لا تسمح هذه الطبقة الوسيطة بدخول الضيوف إلا بدعوة موقّعة (GUEST_JOIN_REQUIRE_INVITATION). أرسل إلى الضيوف رابط دعوة منشأً باستخدام واجهة staff API.
check-advice-invitation-invalid = الدعوة غير صالحة لهذا الاجتماع. أنشئ دعوة جديدة باستخدام واجهة staff API.
check-advice-invitation-expired = انتهت صلاحية الدعوة. أنشئ دعوة جديدة باستخدام واجهة staff API.
check-advice-rate-limited = طلبات كثيرة جدًا من هنا في الوقت الحالي. انتظر دقيقة ثم أعد التحقق.
check-advice-session-not-valid = لم تُصدر الطبقة الوسيطة معرّف الجلسة هذا: فقد أُعيد تشغيلها، أو أنها تعمل بعدة مثيلات دون مفتاح GUEST_JOIN_SESSION_KEY مشترك. اضبط المفتاح نفسه على كل مثيل.
check-advice-microsoft-no-answer = لم تردّ خدمات Microsoft على الطبقة الوسيطة. أعد المحاولة بعد بضع دقائق.
check-advice-middle-tier-broken = الطبقة الوسيطة مكوّنة بشكل خاطئ أو معطّلة. ابحث عن معرّف الطلب في سجلها.
check-advice-middle-tier-refused = رفضت الطبقة الوسيطة الطلب. ابحث عن معرّف الطلب في سجلها.
check-advice-aad-credentials = رفض Azure AD بيانات اعتماد التطبيق الخاصة بالطبقة الوسيطة. تحقق من GUEST_JOIN_TENANT وGUEST_JOIN_CLIENT_ID وسر العميل (ربما انتهت صلاحيته).
check-advice-app-refused = رفضت Trusted Application API التطبيق: تحقق من أن تسجيل التطبيق يملك إذن guest-join، ومن أن أحد المسؤولين قد وافق، ومن أن GUEST_JOIN_ENDPOINT هي نقطة النهاية الخاصة به.
check-advice-endpoint-unknown = لا تعرف Trusted Application API نقطة النهاية الخاصة بهذا التطبيق. تحقق من GUEST_JOIN_ENDPOINT ومن تسجيل التطبيق.
check-advice-microsoft-unreachable = تعذّر على الطبقة الوسيطة الوصول إلى خدمات Microsoft. تحقق من شبكتها وأعد المحاولة.
check-advice-microsoft-trouble = تواجه خدمات Microsoft مشكلة. أعد المحاولة بعد بضع دقائق؛ وإذا استمرت المشكلة، فأرسل معرّف الطلب.
check-advice-join-denied = رفض أحد المنظِّمين التحقق في ساحة الانتظار.
check-advice-join-lobby-timeout = لم يسمح أحد بدخول التحقق من ساحة الانتظار في الوقت المناسب.
check-advice-join-meeting-ended = انتهى الاجتماع أثناء انضمام التحقق.
check-advice-join-removed = أزال أحد المنظِّمين التحقق من الاجتماع.
check-advice-join-not-found = لا تعرف خدمة الاجتماعات أي اجتماع على هذا الرابط، أو أنه انتهى.
check-advice-join-full = الاجتماع ممتلئ.
check-advice-join-refused = لم تسمح خدمة الاجتماعات بدخول التحقق. أرسل الرموز ومعرّف الطلب الواردة أعلاه.
check-advice-copy-link = انسخ الرابط مرة أخرى من دعوة الاجتماع، فشكله: https://meet.lync.com/<المؤسسة>/<المنظِّم>/<معرّف الاجتماع>.

## Link check report

report-heading = التحقق من رابط guest-join
report-result = النتيجة:        { $verdict }
report-link = الرابط:         { $link }
report-meeting-id = معرّف الاجتماع: { $meeting_id }
report-website = الموقع:         { $website }
report-checked-at = وقت التحقق:     { $started_at }
report-client = العميل:         { $client }
report-step = { $number }. { $step }: { $outcome }
report-verdict-works = يعمل: يمكن للضيوف الانضمام بهذا الرابط من هذا الموقع.
report-verdict-fails = لا يعمل: لا يمكن للضيوف الانضمام بهذا الرابط من هذا الموقع.
report-verdict-incomplete = غير مكتمل: لم يكن التحقق قد انتهى.
report-outcome-passed-in = نجح خلال { $ms } ملّي ثانية
report-outcome-passed = نجح
report-outcome-failed = فشل
report-outcome-running = لا يزال قيد التشغيل
report-outcome-not-run = لم يُنفَّذ

language-label = اللغة
