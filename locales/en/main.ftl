### guest-join: every string the guest (or staff, on the ?check page) reads.
### English source catalogue. Every message has a comment saying where it appears.
### Variables ($name) are filled in by the app: never translate them.
### Product and protocol names stay as they are: Skype for Business, Skype, Microsoft Teams,
### Azure AD, Trusted Application API, guest-join, and setting names such as GUEST_JOIN_….

## Page
## The browser page itself: tab title, search description, and messages shown before or instead of the app.

# Browser tab title while the guest enters the link or their name (the page's base title).
page-title = Join a meeting
# Page description for search engines and link previews (HTML meta description).
page-description = Join a Skype for Business meeting as a guest.
# Shown instead of the page when the browser has JavaScript turned off.
page-noscript = This page needs JavaScript to join the meeting.
# Banner shown instead of the page when a part of it could not be downloaded (the connection dropped while the page loaded). A Reload button follows it.
page-part-missing = This page did not finish loading. Check your internet connection, then reload the page.
# Button under that banner: loads the page again.
page-reload = Reload the page
# Red banner at the top of a copy of the app that a partner hosts without filling in its settings. Read by the website's developer, not by guests. Keep the HTML <meta …> tags, guest-join and the README section title “Hosting the app yourself” exactly as they are (they name code and an English document).
setup-problem = This page is not set up yet: it needs <meta name="guest-join-middle-tier" content="https://…/"> with the address of its guest-join service, and <meta name="guest-join-meeting-hosts"> with the meeting hosts it serves. See “Hosting the app yourself” in the README.
# Alternative text of a partner's (bank's, clinic's, shop's) logo above the app, read by screen readers when the partner's name is not written beside it.
brand-logo-alt = Logo

## Link screen
## First screen when the page was opened without a usable meeting link: the guest pastes the link from their invitation.

# Heading of the screen where the guest pastes the meeting link.
link-title = Join a meeting
# Introduction under the heading of the link screen. The guest needs no account.
link-lead = Paste the link from your meeting invitation. You don't need an account.
# Button on the link screen that goes on to the name screen once the link is usable.
link-continue = Continue

## Meeting link field
## The meeting-link field (on the link screen and the staff link check) and the live message under it, which says at once what kind of link was pasted or what is wrong with it.

# Label of the text field where the meeting link is pasted.
link-field-label = Meeting link
# Example shown in the empty meeting-link field. It is a web address: do not translate; only the ellipsis may change.
link-field-placeholder = https://meet.lync.com/…
# Hint under the empty meeting-link field.
link-field-hint = Paste the link from your meeting invitation.
# Confirmation under the meeting-link field when the link can be joined. $meeting_id is the meeting's code from the link, e.g. ADV1SE24.
link-field-joinable = Skype for Business Online meeting { $meeting_id }. You can join it as a guest.
# Confirmation under the meeting-link field when the link is for a meeting on a company's own (on-premises) Skype for Business Server, or is such a meeting's conference address (sip:…). $meeting_id is the meeting's code.
link-field-on-premises = Skype for Business Server meeting { $meeting_id }. You can join it as a guest.
# Error under the meeting-link field: far more text than a link was pasted.
link-error-too-long = That text is too long to be a meeting link. Copy only the link from your invitation.
# Error under the meeting-link field: the text is not a web address. Keep https:// as is.
link-error-not-a-link = That doesn't look like a link. Meeting links start with https://
# Error under the meeting-link field: a link of another kind was pasted. $scheme is its technical prefix, e.g. mailto or ftp (shown followed by a colon). Keep https:// as is.
link-error-unsupported-scheme = That is a { $scheme }: link, not a meeting link. Meeting links start with https://
# Error under the meeting-link field: the link starts with http:// (not encrypted). Keep http:// and https:// as they are.
link-error-insecure = That link is not secure (http://). Ask the organizer for the https:// meeting link.
# Error under the meeting-link field: a Microsoft Teams link was pasted. Keep Microsoft Teams, Teams and Skype for Business untranslated.
link-error-teams = That is a Microsoft Teams link. Open it in Teams instead; this page joins Skype for Business meetings.
# Error under the meeting-link field: a web address that is not a meeting link.
link-error-not-a-meeting = That link doesn't lead to a meeting. Check that you copied the whole link from your invitation.
# Error under the meeting-link field: the link is cut short, its last part (the meeting code) is missing.
link-error-missing-meeting-id = That meeting link looks cut off: the meeting code at its end is missing. Copy the whole link from your invitation.
# Error under the meeting-link field: a person's Skype address was pasted instead of a meeting link. Keep Skype untranslated.
link-error-not-a-conference = That is a person's Skype address, not a meeting. Ask the organizer for the meeting link.
# Error under the meeting-link field: the link contains a user name or password (a trick or a mistake).
link-error-has-credentials = That link has a user name or password in it, which meeting links never have. Copy the link from your invitation again.

## Name screen
## The guest types the name others will see, then joins. index.html carries an early copy of this screen (shown while the app loads on a slow connection): both must read the same.

# Heading of the name screen when the meeting's subject is not known yet.
name-title = Join the meeting
# Heading of the name screen once the meeting's subject is known. $subject is the meeting's subject as the organizer wrote it (any language); keep it in quotation marks.
name-title-subject = Join “{ $subject }”
# Small line under the name-screen heading naming the meeting. $meeting_id is the meeting's code from the link, e.g. ADV1SE24. Keep Skype for Business untranslated.
name-meeting-id = Skype for Business meeting { $meeting_id }
# Label of the field where the guest types their own name.
name-label = Your name
# Help text under the name field.
name-help = Others in the meeting will see this name.
# Error under the name field when Join is pressed with no name.
name-error-empty = Enter your name, so the others know who you are.
# Error under the name field when the name is too long. $max is the longest allowed name, in characters (60).
name-error-too-long = { $max ->
    [one] That name is too long; use at most { $max } character.
   *[other] That name is too long; use at most { $max } characters.
}
# Button on the name screen that asks to join the meeting.
name-join = Join meeting
# The Join button's label on the early name screen (index.html) once pressed, while the app is still loading.
name-joining = Joining…
# Link-style button on the name screen that goes back to the link screen to paste another meeting link.
name-change-link = Use a different link

## Joining steps
## Shown while the join is under way and in the lobby: a heading and a list of the steps, the current one marked.

# Heading while the join is under way and the meeting's subject is not known.
joining-title = Joining the meeting
# Heading while the join is under way. $subject is the meeting's subject; keep it in quotation marks.
joining-title-subject = Joining “{ $subject }”
# Button that stops the join while it is under way.
joining-cancel = Cancel
# Accessible name (aria-label, read by screen readers) of the list of join steps.
steps-label = Joining progress
# Join step 1 of 5, as a short status: the meeting link is being checked.
step-checking-link = Checking the link
# Join step 2 of 5: the page is getting access to the meeting for the guest.
step-getting-access = Getting access
# Join step 3 of 5: connecting to the meeting.
step-connecting = Connecting
# Join step 4 of 5: waiting in the meeting's lobby (virtual waiting room) until the organizer lets the guest in.
step-waiting-in-lobby = Waiting in the lobby
# Join step 5 of 5: in the meeting.
step-in-meeting = In the meeting
# Read by screen readers only, after the name of a join step that is finished (the code puts a space before it).
step-done = (done)
# Read by screen readers only, after the name of the join step under way (the code puts a space before it).
step-in-progress = (in progress)

## Lobby
## The guest waits in the meeting's lobby (virtual waiting room) until the organizer lets them in.

# Heading of the lobby screen.
lobby-title = Waiting to be let in
# Text on the lobby screen. $subject is the meeting's subject (shown in bold).
lobby-lead = The organizer of { $subject } knows you're here and will let you in.
# Text on the lobby screen when the meeting's subject is not known.
lobby-lead-no-subject = The organizer of the meeting knows you're here and will let you in.
# How long the guest has waited in the lobby. $time is shown as a clock, e.g. 2:05 (minutes:seconds), and read to screen-reader users as the elapsed-* text below, e.g. “2 minutes 5 seconds”.
lobby-waiting-for = Waiting for { $time }
# Time waited in the lobby, under a minute, read by screen readers inside lobby-waiting-for.
elapsed-seconds = { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}
# Time waited in the lobby, a minute or more, read by screen readers inside lobby-waiting-for, e.g. “1 minute 5 seconds”.
elapsed-minutes-seconds = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
} { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}
# Hint on the lobby screen: the guest may use other tabs; the browser tab's title changes when they are let in.
lobby-tab-hint = You can switch to another tab; this page's title changes when you're let in.
# Button on the lobby screen that asks the browser's permission to show a system notification when the guest is let in.
lobby-notify-me = Notify me when I'm let in
# Button on the lobby screen that stops waiting and leaves.
lobby-leave = Leave

## Browser tab titles
## The page's title (the browser tab) tells the guest what is going on even when they look at another tab. $subject is the meeting's subject; the *-no-subject variants are used while it is not known.

# Browser tab title while joining. $subject is the meeting's subject.
tab-title-joining = Joining { $subject }…
# Browser tab title while joining, subject not known.
tab-title-joining-no-subject = Joining the meeting…
# Browser tab title while waiting in the lobby. $subject is the meeting's subject.
tab-title-lobby = Waiting to be let in – { $subject }
# Browser tab title while waiting in the lobby, subject not known.
tab-title-lobby-no-subject = Waiting to be let in – the meeting
# Browser tab title while in the meeting. $subject is the meeting's subject.
tab-title-meeting = In { $subject }
# Browser tab title while in the meeting, subject not known.
tab-title-meeting-no-subject = In the meeting
# Browser tab title while in the meeting with unread chat messages. $count is the number of unread messages, shown in brackets first, like an email program does; $subject is the meeting's subject.
tab-title-meeting-unread = ({ $count }) In { $subject }
# Browser tab title while in the meeting with unread chat messages, subject not known. $count is the number of unread messages.
tab-title-meeting-unread-no-subject = ({ $count }) In the meeting

## Announcements and notifications
## Spoken by screen readers (a polite live region) when something happens, and system notifications shown while the tab is in the background.

# Title of the system notification shown when the guest is let into the meeting.
notify-admitted-title = You're in the meeting
# Text of the system notification shown when the guest is let in. $subject is the meeting's subject.
notify-admitted-body = You were let into { $subject }.
# Text of the system notification shown when the guest is let in, subject not known.
notify-admitted-body-no-subject = You were let into the meeting.
# Read by screen readers when the organizer lets the guest in.
announce-admitted = You were let in. You're in the meeting.
# Read by screen readers when the guest arrives in the lobby.
announce-lobby = You're in the lobby. The organizer will let you in.
# Read by screen readers when the guest is in the meeting. $subject is the meeting's subject.
announce-in-meeting = You're in { $subject }.
# Read by screen readers when the guest is in the meeting, subject not known.
announce-in-meeting-no-subject = You're in the meeting.
# Read by screen readers when someone joins the meeting. $name is that person's display name.
announce-participant-joined = { $name } joined.
# Read by screen readers when someone leaves the meeting. $name is that person's display name.
announce-participant-left = { $name } left.
# Read by screen readers for each new chat message. $sender is the sender's display name, $text the message itself.
announce-message = { $sender } says: { $text }
# Title of the system notification for a chat message that arrives while the tab is in the background (its text is the message). $sender is the sender's display name.
notify-message-title = New message from { $sender }
# Read by screen readers when a chat message the guest sent could not be delivered (a Try again button appears beside it).
announce-message-failed = Your message could not be sent. You can try again.
# Read by screen readers when the guest presses Send but the message cannot be sent at all.
announce-send-failed = The message could not be sent.
# Read by screen readers when the connection to the meeting drops and the page reconnects.
announce-reconnecting = The connection dropped. Reconnecting…
# Read by screen readers when the connection is back.
announce-reconnected = Reconnected.

## Meeting screen
## In the meeting: the subject, the guest's status, and buttons.

# Heading of the meeting screen when the meeting has no subject.
meeting-title-fallback = Meeting
# Status line under the meeting's heading: the guest is in the meeting.
meeting-status-in = You're in the meeting
# Status line under the meeting's heading while the guest is leaving.
meeting-status-leaving = Leaving…
# Status line under the meeting's heading while the connection is restored.
meeting-status-reconnecting = Reconnecting…
# Button in the meeting that asks the browser's permission to show system notifications for new chat messages.
meeting-notify-me = Notify me of new messages
# Button that leaves the meeting.
meeting-leave = Leave
# Banner while the connection to the meeting is restored; the chat the guest typed is not lost.
meeting-reconnecting-banner = The connection dropped. Reconnecting… Your messages are kept.

## People
## The list of people in the meeting.

# Heading of the people list. $count is how many people are in the meeting, the guest included (shown in brackets).
roster-title = People ({ $count })
# Line above the people list: how many people wait in the lobby for the organizer to let them in. $count is that number (1 or more).
roster-lobby-count = { $count ->
    [one] { $count } person is waiting in the lobby
   *[other] { $count } people are waiting in the lobby
}
# The guest's own entry in the people list, in place of their name.
roster-you = You
# Badge beside the guest's own entry in the people list: they joined as a guest.
roster-you-badge = Guest
# Badge beside a person in the people list who organizes (leads) the meeting.
roster-organizer = Organizer
# Badge beside a person in the people list who joined as an anonymous guest, like the reader.
roster-origin-guest = Guest
# Badge beside a person in the people list who joined with a consumer Skype account (their account is shown beside the name). Product name: do not translate.
roster-origin-skype = Skype
# Badge beside a person in the people list who comes from another company or organisation than the organizer's.
roster-origin-other-organisation = Guest from another organisation

## Join by phone
## The meeting's dial-in details, when it has them.

# Heading of the phone dial-in details.
dial-in-title = Join by phone
# Label before a dial-in phone number whose region is not known (e.g. “Call +1 555 0100”).
dial-in-call = Call
# Label before a free (toll-free) dial-in phone number. $region is the region's name as the meeting service gives it, or the dial-in-call text.
dial-in-toll-free = { $region } (free)
# The number to key in after dialling. $id is the conference ID (digits).
dial-in-conference-id = Conference ID: { $id }
# Link to the meeting service's page with all dial-in numbers.
dial-in-more-numbers = More numbers

## Chat
## The meeting's group chat.

# Heading of the chat.
chat-title = Chat
# Accessible name (aria-label) of the list of chat messages.
chat-log-label = Messages
# Shown in the chat before anyone has written.
chat-empty = No messages yet.
# Divider in the chat above the first message that arrived while the guest was looking at another tab.
chat-new-messages = New messages
# Sender shown above the guest's own chat messages, in place of their name.
chat-sender-you = You
# Under the guest's own chat message while it is being sent.
chat-sending = Sending…
# Under the guest's own chat message once it is delivered.
chat-sent = Sent
# Under the guest's own chat message that could not be delivered, before the chat-retry button (the code puts a space between them).
chat-not-sent = Not sent.
# Link-style button beside a chat message that was not sent: sends it again.
chat-retry = Try again
# Under the chat: one person is typing. $name is their display name.
typing-one = { $name } is typing…
# Under the chat: two people are typing. $first and $second are their display names.
typing-two = { $first } and { $second } are typing…
# Under the chat: three or more people are typing.
typing-several = Several people are typing…
# Label (read by screen readers) of the box where the guest writes a chat message.
chat-input-label = Message
# Placeholder in the empty chat box.
chat-placeholder = Type a message
# Placeholder in the empty chat box while the chat is still connecting; the guest can already type and send later.
chat-placeholder-connecting = Chat is connecting… you can already type
# Read by screen readers for the chat box: which keys send and which add a new line (Enter and Shift are key names on the keyboard).
chat-input-help = Press Enter to send, Shift and Enter for a new line.
# Button that sends the chat message.
chat-send = Send

## After the meeting
## The screen after the guest left, was removed, was not let in, or the meeting ended. Its heading is also the browser tab title and is read by screen readers. Each next step names the button below it, so keep the button's wording recognisable in it.

# Heading of the screen after the meeting, and browser tab title: the guest left the meeting themselves.
outcome-left-title = You left the meeting
# What happened, under outcome-left-title.
outcome-left-detail = You are no longer in the meeting.
# What the guest can do next, under outcome-left-detail.
outcome-left-next = If you left by mistake, you can rejoin.
# Heading of the screen after the meeting, and browser tab title: the organizer ended the meeting for everyone.
outcome-ended-title = The meeting has ended
# What happened, under outcome-ended-title.
outcome-ended-detail = The organizer ended the meeting, so everyone left.
# What the guest can do next, under outcome-ended-detail.
outcome-ended-next = If the organizer starts it again, you can rejoin with the same link.
# Heading of the screen after the meeting, and browser tab title: an organizer removed the guest from the meeting.
outcome-removed-title = You were removed from the meeting
# What happened, under outcome-removed-title.
outcome-removed-detail = An organizer removed you from the meeting.
# What the guest can do next, under outcome-removed-detail.
outcome-removed-next = If you think this was a mistake, you can ask to join again.
# Heading of the screen after the meeting, and browser tab title: the organizer did not let the guest in from the lobby.
outcome-denied-title = You weren't let in
# What happened, under outcome-denied-title.
outcome-denied-detail = The organizer did not admit you from the lobby.
# What the guest can do next, under outcome-denied-detail.
outcome-denied-next = Check with the organizer that this is the right meeting and time, then ask to join again.
# Heading of the screen after the meeting, and browser tab title: the guest waited in the lobby too long; nobody let them in.
outcome-lobby-timeout-title = Nobody let you in
# What happened, under outcome-lobby-timeout-title.
outcome-lobby-timeout-detail = You waited in the lobby, but nobody admitted you in time.
# What the guest can do next, under outcome-lobby-timeout-detail.
outcome-lobby-timeout-next = The organizer may not have started yet. Ask to join again in a few minutes.
# Button on the screen after the meeting (left, ended, removed) that joins the same meeting again.
outcome-retry-rejoin = Rejoin
# Button on the screen after the guest was not let in: asks to join again (back to the lobby).
outcome-retry-ask-again = Ask to join again
# Button on the screen after the meeting that goes back to the link screen to paste another meeting link.
outcome-change-link = Use a different link

## Join failed
## The screen when joining did not work: a heading, what happened, what to do next, and (when trying again can work) a button. The guest never sees status codes. Each next step names the button below it (“Try again”), so keep the button's wording recognisable in it.

# Heading of the screen when joining failed, and browser tab title: the link cannot be joined through this page.
failure-link-not-usable-title = This link can't be used here
# Why joining failed, under failure-link-not-usable-title.
failure-link-not-usable-detail = This meeting link can't be joined through this page.
# What the guest can do next, under failure-link-not-usable-detail.
failure-link-not-usable-next = Check that you copied the whole link, or ask the organizer for a new one.
# Heading of the screen when joining failed, and browser tab title: no meeting is on now at this link.
failure-meeting-not-found-title = This link doesn't lead to a meeting that's on now
# Why joining failed, under failure-meeting-not-found-title.
failure-meeting-not-found-detail = The meeting may have ended or been cancelled, or the link may be out of date.
# What the guest can do next, under failure-meeting-not-found-detail.
failure-meeting-not-found-next = Ask the organizer for a new link.
# Heading of the screen when joining failed, and browser tab title: this meeting needs the guest's personal invitation link.
failure-invitation-required-title = You need your invitation link
# Why joining failed, under failure-invitation-required-title.
failure-invitation-required-detail = This meeting can only be joined with the personal link from your invitation.
# What the guest can do next, under failure-invitation-required-detail.
failure-invitation-required-next = Open the link from your invitation message.
# Heading of the screen when joining failed, and browser tab title: the personal invitation link is damaged or for another meeting.
failure-invitation-invalid-title = This invitation isn't valid
# Why joining failed, under failure-invitation-invalid-title.
failure-invitation-invalid-detail = The invitation link is damaged or belongs to another meeting.
# What the guest can do next, under failure-invitation-invalid-detail.
failure-invitation-invalid-next = Open the link from your invitation message again, or ask for a new invitation.
# Heading of the screen when joining failed, and browser tab title: the personal invitation link has expired.
failure-invitation-expired-title = This invitation has expired
# Why joining failed, under failure-invitation-expired-title.
failure-invitation-expired-detail = Invitation links only work for a limited time.
# What the guest can do next, under failure-invitation-expired-detail.
failure-invitation-expired-next = Ask the person who invited you for a new link.
# Heading of the screen when joining failed, and browser tab title: the website the guest is on (e.g. the bank's) is not allowed to connect to the meeting service.
failure-origin-not-allowed-title = This website can't join the meeting
# Why joining failed, under failure-origin-not-allowed-title.
failure-origin-not-allowed-detail = This website isn't allowed to connect to the meeting service.
# What the guest can do next, under failure-origin-not-allowed-detail.
failure-origin-not-allowed-next = Open the link from your invitation directly, or tell the website's owner.
# Heading of the screen when joining failed, and browser tab title: the guest's access to the meeting ran out.
failure-access-expired-title = Your access expired
# Why joining failed, under failure-access-expired-title.
failure-access-expired-detail = Your access to the meeting ran out and could not be renewed.
# What the guest can do next, under failure-access-expired-detail.
failure-access-expired-next = Try again to get new access.
# Heading of the screen when joining failed, and browser tab title: the meeting has no room for more people.
failure-meeting-full-title = The meeting is full
# Why joining failed, under failure-meeting-full-title.
failure-meeting-full-detail = No more people can join this meeting right now.
# What the guest can do next, under failure-meeting-full-detail.
failure-meeting-full-next = Try again later, or tell the organizer.
# Heading of the screen when joining failed, and browser tab title: the meeting service turned the request down.
failure-refused-title = The meeting service said no
# Why joining failed, under failure-refused-title.
failure-refused-detail = The meeting service turned down the request to join.
# What the guest can do next, under failure-refused-detail.
failure-refused-next = Try again. If it keeps happening, ask the organizer for a new link.
# Heading of the screen when joining failed, and browser tab title: the meeting service is busy or down.
failure-service-unavailable-title = The meeting service isn't available
# Why joining failed, under failure-service-unavailable-title.
failure-service-unavailable-detail = The meeting service is busy or down for the moment.
# What the guest can do next, under failure-service-unavailable-detail.
failure-service-unavailable-next = Wait a minute, then try again.
# Heading of the screen when joining failed, and browser tab title: this device tried to join too often in a short time.
failure-rate-limited-title = Too many attempts
# Why joining failed, under failure-rate-limited-title.
failure-rate-limited-detail = This device tried to join too many times in a short time.
# What the guest can do next, under failure-rate-limited-detail.
failure-rate-limited-next = Wait a minute, then try again.
# Heading of the screen when joining failed, and browser tab title: the connection to the meeting service was lost.
failure-network-lost-title = The connection was lost
# Why joining failed, under failure-network-lost-title.
failure-network-lost-detail = We couldn't reach the meeting service.
# What the guest can do next, under failure-network-lost-detail.
failure-network-lost-next = Check your internet connection, then try again.
# Heading of the screen when joining failed, and browser tab title: the meeting was opened in another window or tab, which took over.
failure-opened-elsewhere-title = You're in the meeting somewhere else
# Why joining failed, under failure-opened-elsewhere-title.
failure-opened-elsewhere-detail = This meeting was opened in another window or tab, which took over.
# What the guest can do next, under failure-opened-elsewhere-detail.
failure-opened-elsewhere-next = Close the other window, then continue here.
# Heading of the screen when joining failed, and browser tab title: the meeting service answered in a way this page does not understand.
failure-incompatible-title = Something went wrong
# Why joining failed, under failure-incompatible-title.
failure-incompatible-detail = The meeting service answered in a way this page doesn't understand.
# What the guest can do next, under failure-incompatible-detail.
failure-incompatible-next = Try again. If it keeps happening, contact the organizer.
# Replaces failure-rate-limited-next when the service said how long to wait. $seconds is that number of seconds.
failure-rate-limited-wait = { $seconds ->
    [one] Try again in { $seconds } second.
   *[other] Try again in { $seconds } seconds.
}
# Button on the screen when joining failed: tries to join again. Shown only where trying again can work (service unavailable, connection lost, access expired, too many attempts, something went wrong); those next steps name it.
failure-retry = Try again
# Button on the screen when the meeting was opened in another window: takes the meeting back into this window.
failure-retry-continue-here = Continue here

## Staff link check
## The staff page (?check) where bank, clinic or shop staff check a meeting link before sending it to a customer. It runs the steps a guest's browser would and shows each with its time; a failed step says in staff terms what failed and what to do. Staff may be IT-savvy but are not developers.

# Heading of the staff link-check page.
check-title = Check a meeting link
# Introduction on the staff link-check page.
check-lead = Before you send a link to a customer, check that a guest can join with it from this website.
# The display name under which the check joins the meeting when staff ask it to; everyone in the meeting sees it. Used inside check-joins-label and check-joins-note as $name.
check-participant-name = Link check
# Label of the checkbox that makes the check also join the meeting briefly. $name is the check-participant-name text; keep it in quotation marks.
check-joins-label = Also join the meeting for a moment. Everyone there sees a participant named “{ $name }” come and go.
# Button that runs the link check.
check-submit = Check link
# Note under the form when the checkbox is ticked. $name is the check-participant-name text.
check-joins-note = The check joins the meeting as “{ $name }” and leaves at once.
# Note under the form when the checkbox is not ticked: the check does not enter the meeting.
check-no-join-note = Nobody joins the meeting.
# Accessible name (aria-label) of the list of check steps.
check-results-label = Check results
# Check step 1, a statement that is true when the step passes.
check-step-link = The link is a Skype for Business meeting link
# Check step 2, a statement that is true when it passes: this service (the bank's guest-join middle tier) gives out guest access for the meeting.
check-step-guest-access = This service hands out guest access for the meeting
# Check step 3, true when it passes: the meeting service (Microsoft's) accepts guests coming from this website.
check-step-meeting-service = The meeting service accepts guests from this website
# Check step 4, true when it passes: a guest can be registered with the meeting service.
check-step-guest-application = A guest can be set up in the meeting service
# Check step 5 (only when the check joins), true when it passes.
check-step-join-meeting = A guest can enter the meeting
# State beside a check step that was not reached.
check-state-not-checked = Not checked
# State beside the check step under way.
check-state-checking = Checking…
# State beside a check step that passed. $ms is how long it took in milliseconds (ms).
check-state-passed-in = Passed in { $ms } ms
# State beside a check step that passed (time not known).
check-state-passed = Passed
# State beside a check step that failed.
check-state-failed = Failed
# Result box when every step passed.
check-verdict-works = This link works. Guests can join with it from this website.
# Result box when a step failed.
check-verdict-fails = Guests cannot join with this link from this website. The failed step says why and what to do.
# Button that copies the plain-text report to the clipboard, to paste into a support ticket.
check-copy-report = Copy report
# Status after Copy report worked.
check-copied = Report copied. Paste it into your ticket or email.
# Status when the browser refused to copy; staff can select the text of the report by hand.
check-copy-failed = The browser would not copy; select the report below and copy it.
# Expandable section (summary) that shows the plain-text report.
check-show-report = Show the report

## Link check details
## Lines under a failed or noted check step, on the page and in the copied report. $host is a server name (e.g. join.bank.example), $status an HTTP status number (e.g. 502), $codes the service's error code(s) with a space before them (e.g. “ service_unavailable”) or empty. Keep the words that name settings (GUEST_JOIN_…, allowedOrigins, CrossDomainAuthorizationList), Azure AD, Trusted Application API, Microsoft and Skype for Business exactly as they are.

# Detail line: which server answered the failed step, and how. E.g. “join.bank.example answered 502 service_unavailable”.
check-detail-answered = { $host } answered { $status }{ $codes }
# Detail line: the server gave no answer the page could read. E.g. “webpool.example:443 no readable answer”.
check-detail-no-answer = { $host } no readable answer{ $codes }
# Detail line quoting the meeting service's own explanation (in English, as the service sent it). $reason is that text.
check-detail-said = It said: { $reason }
# Detail line: which call from the middle tier to Microsoft's services failed. $line is a check-upstream-* text.
check-detail-upstream = Upstream: { $line }
# Detail line with what to do. $advice is a check-advice-* text.
check-detail-advice = What to do: { $advice }
# Detail line with the request id to quote to support. $id is that id.
check-detail-request-id = Request id: { $id }
# Note under a passed “A guest can enter the meeting” step: the check reached the lobby, so guests get in only when an organizer admits them.
check-note-lobby = The check waited in the lobby: guests get in once an organizer admits them.
# Inside check-detail-upstream: which Microsoft service answered and how. $service is a check-upstream-* name, $host its server, $status the HTTP status. E.g. “Azure AD's token service (login.microsoftonline.com) answered 401 invalid_client”.
check-upstream-answered = { $service } ({ $host }) answered { $status }{ $codes }
# Inside check-detail-upstream: the Microsoft service did not answer. $service is a check-upstream-* name, $host its server.
check-upstream-no-answer = { $service } ({ $host }) did not answer{ $codes }
# Name of a Microsoft service call, used as $service: getting a token from Azure AD.
check-upstream-aad-token = Azure AD's token service
# Name of a Microsoft service call, used as $service: the Trusted Application API's discovery.
check-upstream-discover = the Trusted Application API's discovery
# Name of a Microsoft service call, used as $service: the list of applications.
check-upstream-applications = the Trusted Application API's application list
# Name of a Microsoft service call, used as $service: one application.
check-upstream-application = the Trusted Application API's application
# Name of a Microsoft service call, used as $service: the guest (anonymous) token.
check-upstream-guest-token = the Trusted Application API's guest token
# Name of a Microsoft service call, used as $service: an ad-hoc meeting.
check-upstream-adhoc-meeting = the Trusted Application API's ad-hoc meeting

## Link check advice
## What staff should do about a failed check step (shown after check-detail-advice's “What to do:”). $host is a server name or check-advice-host-unknown; $origin is this website's address, e.g. https://bank.example. “middle tier” is this product's own server that hands out guest access; the meeting service is Microsoft's Skype for Business service.

# Used as $host in the advice below when the server's name is not known.
check-advice-host-unknown = the service
# Advice: the middle tier did not answer the guest-access step.
check-advice-middle-tier-no-answer = The middle tier at { $host } did not answer. Check that it runs and can be reached from here.
# Advice: in a browser, the meeting service gave no readable answer; most likely it refused this website and the browser hid it.
check-advice-hidden-refusal = The meeting service at { $host } gave no answer this browser may read. Most often it refused this website ({ $origin }) and the browser hid the refusal: the middle tier must list { $origin } in GUEST_JOIN_ALLOWED_ORIGINS, which it sends as allowedOrigins with each guest token. Otherwise the meeting service cannot be reached from here.
# Advice: the meeting service did not answer.
check-advice-service-no-answer = The meeting service at { $host } did not answer. Check that it can be reached from here, then try again.
# Advice: the meeting service refused the guest token (HTTP 401): clocks out of step or wrong service.
check-advice-token-refused = The meeting service refused the guest token. Check that the middle tier and the meeting service agree on the time, and that the middle tier points at this meeting service.
# Advice: the meeting service refuses guests from this website (HTTP 403).
check-advice-origin-refused = The meeting service refuses guests from this website ({ $origin }). Add { $origin } to the middle tier's GUEST_JOIN_ALLOWED_ORIGINS; an on-premises server must also list it in its CrossDomainAuthorizationList.
# Advice: a company's own (on-premises) Skype for Business Server refuses guests from this website (HTTP 403). Keep CrossDomainAuthorizationList and Set-CsWebServiceConfiguration as they are.
check-advice-server-origin-refused = The company's Skype for Business Server refuses guests from this website ({ $origin }). Its administrator must add { $origin } to the server's CrossDomainAuthorizationList (Set-CsWebServiceConfiguration).
# Advice: no meeting at this link (HTTP 404/410).
check-advice-meeting-not-found = The meeting service knows no meeting at this link, or it has ended. Ask the organizer for a new link.
# Advice: the meeting service has a server error (HTTP 5xx).
check-advice-service-trouble = The meeting service at { $host } is having trouble. Try again in a few minutes; if it lasts, quote the request id to Microsoft support or the server's administrator.
# Advice: the meeting service refused the step for another reason.
check-advice-step-refused = The meeting service at { $host } refused the step. Quote the codes and request id above to whoever runs it.
# Advice (middle tier): this website is not in the list of allowed websites.
check-advice-origin-not-listed = This website ({ $origin }) is not in the middle tier's GUEST_JOIN_ALLOWED_ORIGINS. Add it there, or run the check from a listed website.
# Advice (middle tier): the link's server is not one the middle tier joins.
check-advice-host-not-allowed = The link's host is not one the middle tier joins. Fix the link, or add its host to GUEST_JOIN_MEETING_HOSTS.
# Advice (middle tier): the middle tier does not read this as a meeting link.
check-advice-invalid-link = The middle tier does not read this as a meeting link. Copy the link again from the meeting invitation.
# Advice (middle tier): no meeting at this link.
check-advice-no-meeting = The meeting service knows no meeting at this link, or it has ended. Check the link with the organizer, or schedule a new meeting.
# Advice (middle tier): guests need a signed invitation link made with the staff API.
check-advice-invitation-required = This middle tier lets guests in only with a signed invitation (GUEST_JOIN_REQUIRE_INVITATION). Send guests an invitation link made with the staff API.
# Advice (middle tier): the invitation does not fit this meeting.
check-advice-invitation-invalid = The invitation is not valid for this meeting. Make a new one with the staff API.
# Advice (middle tier): the invitation has expired.
check-advice-invitation-expired = The invitation has expired. Make a new one with the staff API.
# Advice (middle tier): too many checks or joins from here in a short time.
check-advice-rate-limited = Too many requests from here just now. Wait a minute and check again.
# Advice (middle tier): the middle tier's instances do not share one session key.
check-advice-session-not-valid = The middle tier did not issue this session id: it restarted, or runs as several instances, without one shared GUEST_JOIN_SESSION_KEY. Set the same key on every instance.
# Advice (middle tier): Microsoft's services did not answer it.
check-advice-microsoft-no-answer = Microsoft's services did not answer the middle tier. Try again in a few minutes.
# Advice (middle tier): it is misconfigured or broken.
check-advice-middle-tier-broken = The middle tier is misconfigured or broken. Look for the request id in its log.
# Advice (middle tier): it refused the request.
check-advice-middle-tier-refused = The middle tier refused the request. Look for the request id in its log.
# Advice (Microsoft's services): Azure AD refused the middle tier's app credentials. GUEST_JOIN_TENANT and GUEST_JOIN_CLIENT_ID are setting names; “client secret” is Azure AD's term.
check-advice-aad-credentials = Azure AD refused the middle tier's app credentials. Check GUEST_JOIN_TENANT, GUEST_JOIN_CLIENT_ID and the client secret (it may have expired).
# Advice (Microsoft's services): the Trusted Application API refused the app (permission or consent missing).
check-advice-app-refused = The Trusted Application API refused the app: check that the app registration has the guest-join permission, that an administrator consented, and that GUEST_JOIN_ENDPOINT is its endpoint.
# Advice (Microsoft's services): the Trusted Application API does not know the app's endpoint.
check-advice-endpoint-unknown = The Trusted Application API does not know this app's endpoint. Check GUEST_JOIN_ENDPOINT and the app's registration.
# Advice (Microsoft's services): the middle tier could not reach them.
check-advice-microsoft-unreachable = The middle tier could not reach Microsoft's services. Check its network and try again.
# Advice (Microsoft's services): they have a problem.
check-advice-microsoft-trouble = Microsoft's services are having trouble. Try again in a few minutes; if it lasts, quote the request id.
# Advice (joining step): an organizer refused the check in the lobby.
check-advice-join-denied = An organizer turned the check away in the lobby.
# Advice (joining step): nobody admitted the check from the lobby in time.
check-advice-join-lobby-timeout = Nobody admitted the check from the lobby in time.
# Advice (joining step): the meeting ended during the check.
check-advice-join-meeting-ended = The meeting ended while the check joined.
# Advice (joining step): an organizer removed the check.
check-advice-join-removed = An organizer removed the check from the meeting.
# Advice (joining step): no meeting at this link.
check-advice-join-not-found = The meeting service knows no meeting at this link, or it has ended.
# Advice (joining step): the meeting is full.
check-advice-join-full = The meeting is full.
# Advice (joining step): the meeting service would not let the check in.
check-advice-join-refused = The meeting service would not let the check in. Quote the codes and request id above.
# Advice (link step, command-line check): the text is not a meeting link. Translate the words in angle brackets; keep https://meet.lync.com/ as it is.
check-advice-copy-link = Copy the link again from the meeting invitation: it looks like https://meet.lync.com/<organisation>/<organizer>/<meeting id>.

## Link check report
## The plain-text report staff copy into a support ticket or email (Copy report / Show the report). It is shown in a fixed-width font: the labels of the header lines are padded with spaces so their values line up; pad your translations so they line up too.

# First line of the copied report. guest-join is the product's name: do not translate it.
report-heading = guest-join link check
# Report header line with the overall result. $verdict is a report-verdict-* text.
report-result = Result:     { $verdict }
# Report header line with the checked meeting link ($link).
report-link = Link:       { $link }
# Report header line with the meeting's code from the link ($meeting_id).
report-meeting-id = Meeting id: { $meeting_id }
# Report header line with the address of the website the check ran from ($website, e.g. https://bank.example).
report-website = Website:    { $website }
# Report header line with when the check ran ($started_at, an ISO 8601 date and time).
report-checked-at = Checked at: { $started_at }
# Report header line with the browser that ran the check ($client, its user-agent text).
report-client = Client:     { $client }
# One report line per check step: $number is its position (1, 2, …), $step a check-step-* text, $outcome a report-outcome-* text.
report-step = { $number }. { $step }: { $outcome }
# Overall result in the report: every step passed. The capitalised first word is meant to stand out.
report-verdict-works = WORKS: guests can join with this link from this website.
# Overall result in the report: a step failed. The capitalised first word is meant to stand out.
report-verdict-fails = FAILS: guests cannot join with this link from this website.
# Overall result in the report: the check was copied before it finished.
report-verdict-incomplete = INCOMPLETE: the check had not finished.
# Outcome of a step in the report: passed, with how long it took ($ms, milliseconds).
report-outcome-passed-in = passed in { $ms } ms
# Outcome of a step in the report: passed (time not known).
report-outcome-passed = passed
# Outcome of a step in the report: failed (capitalised to stand out).
report-outcome-failed = FAILED
# Outcome of a step in the report: still under way when the report was copied.
report-outcome-running = still running
# Outcome of a step in the report: not reached.
report-outcome-not-run = not run

## Language choice
## Under the link and name screens: the page's language, to change. Each language is listed by its own name.

# Label of the list of languages on the first screens.
language-label = Language
