//! The simulated on-premises server as a browser meets it (protocol.md §5.2): a page on
//! another origin reaches it through its cross-domain frame when the server lists that
//! origin, gets the documented refusal when it does not, and with the CORS quirk may call
//! it directly. The app joins such a server's meeting either way.

use e2e::ON_PREMISES_MEETING;
use e2e::browser::{Browser, Check, OtherSite, Reserved, Server, Stack, Viewport, run, run_configured};
use protocol::ucwa::resources::MessageBody;
use serde_json::Value;

/// The on-premises meeting's organizer.
const TELLER: &str = "alex@fabrikam.com";

fn check(ok: bool, what: impl Into<String>) -> Check {
    if ok { Ok(()) } else { Err(what.into()) }
}

/// Posts `request` (a frame request, as JSON) from the current page to the frame at
/// `frame`, and returns the frame's answer, parsed.
async fn through_frame(browser: &Browser, frame: &str, request: &Value) -> Check<Value> {
    let script = format!(
        "return new Promise((resolve) => {{
            const frame = document.createElement('iframe');
            frame.style.display = 'none';
            frame.src = {frame:?};
            const target = new URL({frame:?}).origin;
            window.addEventListener('message', (event) => {{
                if (event.origin === target) resolve(event.data);
            }});
            frame.addEventListener('load', () => frame.contentWindow.postMessage({request:?}, target));
            document.body.append(frame);
            setTimeout(() => resolve('no answer'), 10000);
        }})",
        request = request.to_string(),
    );
    let answer = browser.script(&script).await?;
    let text = answer.as_str().ok_or("the frame answered no text")?;
    serde_json::from_str(text).map_err(|e| format!("the frame's answer is not JSON ({e}): {text}"))
}

/// The app's origin (the middle tier serves it), without a trailing slash.
fn site_origin(stack: &Stack) -> String {
    stack.tier.url.as_str().trim_end_matches('/').to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_xframe_carries_a_listed_sites_requests_and_refuses_others() {
    run(
        "xframe",
        Server::Strict,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| {
            let origin = site_origin(stack);
            stack.sim.set_cross_domain_authorization_list(&[&origin]);
            let hosts = stack.sim.hosts();
            let frame = hosts
                .pool
                .join("Autodiscover/XFrame/XFrame.html")
                .map_err(|e| e.to_string())?;
            let root = hosts
                .pool
                .join("Autodiscover/AutodiscoverService.svc/root")
                .map_err(|e| e.to_string())?;
            // A page of the site (any will do; the health check is the smallest).
            browser.open(&format!("{origin}/healthz")).await?;
            let request = serde_json::json!({
                "type": "get", "url": root.as_str(), "accepts": "application/json",
                "xhrFields": {"withCredentials": true}, "messageId": {"Id": 1},
            });
            let answer = through_frame(browser, frame.as_str(), &request).await?;
            check(
                answer["status"] == 200 && answer["messageId"]["Id"] == 1,
                format!("the frame's answer: {answer}"),
            )?;
            let body: Value = serde_json::from_str(answer["responseText"].as_str().unwrap_or_default())
                .map_err(|e| format!("the root's body: {e}"))?;
            check(
                body["_links"]["user"]["href"].is_string(),
                format!("the root links the user: {body}"),
            )?;
            let framed = stack
                .sim
                .journal()
                .iter()
                .any(|e| e.step == simulator::journal::Step::XFrame);
            check(framed, "the page loaded the server's frame")?;

            // Another site, not on the server's list: the frame carries the refusal back. The
            // refused request, and below the unreadable direct one, show in the console.
            browser.expect_console_errors();
            stack
                .sim
                .set_cross_domain_authorization_list(&["https://other.example"]);
            let answer = through_frame(browser, frame.as_str(), &request).await?;
            let headers = answer["headers"]
                .as_str()
                .unwrap_or_default()
                .to_ascii_lowercase();
            check(
                answer["status"] == 403
                    && headers.contains("service does not allow a cross domain request from this origin."),
                format!("the frame's refusal: {answer}"),
            )?;
            // Strict: no CORS, so a direct call is not readable.
            stack.sim.set_cross_domain_authorization_list(&[&origin]);
            let direct = browser
                .script(&format!(
                    "return fetch({:?}).then(r => 'read ' + r.status, () => 'blocked')",
                    root.as_str()
                ))
                .await?;
            check(
                direct == "blocked",
                format!("a direct call without CORS: {direct}"),
            )
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_cors_quirk_a_listed_site_calls_directly() {
    run("on-premises-cors", Server::AllQuirks, Viewport::DESKTOP, &[], async move |stack, browser| {
        let origin = site_origin(stack);
        let root = stack
            .sim
            .hosts()
            .pool
            .join("Autodiscover/AutodiscoverService.svc/root")
            .map_err(|e| e.to_string())?;
        browser.open(&format!("{origin}/healthz")).await?;
        let fetch = format!(
            "return fetch({:?}, {{headers: {{Accept: 'application/json'}}}}).then(r => 'read ' + r.status, () => 'blocked')",
            root.as_str()
        );
        stack.sim.set_cross_domain_authorization_list(&[&origin]);
        let listed = browser.script(&fetch).await?;
        check(listed == "read 200", format!("a listed site reads the answer: {listed}"))?;
        // The frame still works beside CORS: its POSTs come from its own origin.
        let frame = stack
            .sim
            .hosts()
            .pool
            .join("Autodiscover/XFrame/XFrame.html")
            .map_err(|e| e.to_string())?;
        let conference = stack.sim.conference_uri(ON_PREMISES_MEETING).ok_or("the meeting")?;
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", "urn:microsoft.rtc:anonmeeting")
            .append_pair("password", ON_PREMISES_MEETING)
            .append_pair("ms_rtc_conferenceuri", &conference)
            .finish();
        let ticket = serde_json::json!({
            "type": "post",
            "url": frame.join("/WebTicket/oauthtoken").map_err(|e| e.to_string())?.as_str(),
            "headers": {"Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded"},
            "data": form, "messageId": 7,
        });
        let answer = through_frame(browser, frame.as_str(), &ticket).await?;
        check(
            answer["status"] == 200 && answer["responseText"].as_str().is_some_and(|t| t.contains("access_token")),
            format!("a ticket through the frame: status {}", answer["status"]),
        )?;
        stack.sim.set_cross_domain_authorization_list(&["https://other.example"]);
        // The refused preflight or answer shows in the console, as a browser reports it.
        browser.expect_console_errors();
        let other = browser.script(&fetch).await?;
        check(other == "blocked", format!("another site cannot read it: {other}"))
    })
    .await;
}

/// The app's link for the demo's on-premises meeting, on a site the server lists.
fn list_the_site(stack: &Stack) -> String {
    stack
        .sim
        .set_cross_domain_authorization_list(&[&site_origin(stack)]);
    stack.app_link(ON_PREMISES_MEETING)
}

async fn join_as(browser: &Browser, link: &str, name: &str) -> Check {
    browser.open(link).await?;
    browser.wait_text("#screen-title", "Join", 10).await?;
    browser.type_into("#display-name", name).await?;
    browser.click("[data-testid=join]").await
}

async fn in_meeting(browser: &Browser) -> Check {
    browser
        .wait_text("[data-testid=status]", "You're in the meeting", 15)
        .await
        .map(drop)
}

/// Whether the guest's application was created through the server's frame (the request
/// came from the pool's own origin) rather than directly from the site.
fn application_framed(stack: &Stack) -> Check<bool> {
    let site = site_origin(stack);
    stack
        .sim
        .journal()
        .iter()
        .find(|e| e.step == simulator::journal::Step::CreateApplication && e.status == 201)
        .map(|e| e.origin.as_deref() != Some(site.as_str()))
        .ok_or_else(|| "no application was created".to_owned())
}

/// A strict server answers no CORS, so every request goes through its frame; with the CORS
/// quirk the same app calls it directly (only the challenge, whose header CORS hides, is
/// read through the frame). Either way the guest joins, chats both ways, and is told when
/// the organizer ends the meeting.
async fn join_chat_and_end(stack: &Stack, browser: &Browser, framed: bool) -> Check {
    let link = list_the_site(stack);
    // A page cannot tell a server without CORS from one that is not there: the first
    // direct call to each host fails in the console before the frame carries it.
    browser.expect_console_errors();
    join_as(browser, &link, "Ada").await?;
    in_meeting(browser).await?;
    check(
        application_framed(stack)? == framed,
        format!("the application was created through the frame: expected {framed}"),
    )?;
    browser
        .wait_text("[data-testid=roster]", "Alex (Teller)", 10)
        .await?;
    browser
        .wait_script(
            "document.querySelector('#chat-input')?.placeholder",
            &Value::from("Type a message"),
            15,
        )
        .await?;
    browser
        .type_into("#chat-input", "Hello from the branch website")
        .await?;
    browser.click("[data-testid=send]").await?;
    browser.wait_text("[data-testid=chat-log]", "Sent", 10).await?;
    let chat = stack.meeting(ON_PREMISES_MEETING)["chat"].clone();
    check(
        chat[0]["text"] == "Hello from the branch website" && chat[0]["from"] == "Ada",
        format!("the organizer got the message: {chat}"),
    )?;
    stack
        .sim
        .say(
            ON_PREMISES_MEETING,
            TELLER,
            MessageBody::Plain("Welcome, Ada".to_owned()),
        )
        .map_err(|e| e.to_string())?;
    browser
        .wait_text("[data-testid=chat-log]", "Welcome, Ada", 10)
        .await?;
    browser.check_accessibility().await?;
    stack.application_parked().await?;
    stack
        .sim
        .end_meeting(ON_PREMISES_MEETING)
        .map_err(|e| e.to_string())?;
    browser
        .wait_text("#screen-title", "The meeting has ended", 10)
        .await
        .map(drop)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guest_joins_an_on_premises_meeting_through_the_servers_frame() {
    run(
        "on-premises-join",
        Server::Strict,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| join_chat_and_end(stack, browser, true).await,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guest_joins_an_on_premises_meeting_directly_where_the_server_answers_cors() {
    run(
        "on-premises-join",
        Server::AllQuirks,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| join_chat_and_end(stack, browser, false).await,
    )
    .await;
}

/// A pasted conference URI joins too, and in a split domain the guest's application is on
/// a second pool that the page has to frame as well; the organizer removes the guest.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conference_uri_joins_a_split_domain_and_the_guest_is_removed() {
    run(
        "on-premises-split",
        Server::Strict,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| {
            stack.sim.set_split_domain(true);
            list_the_site(stack);
            browser.expect_console_errors();
            let uri = stack
                .sim
                .conference_uri(ON_PREMISES_MEETING)
                .ok_or("the meeting has no conference URI")?;
            let mut link = stack.tier.url.clone();
            link.query_pairs_mut().append_pair("join", &uri);
            join_as(browser, link.as_str(), "Ada").await?;
            in_meeting(browser).await?;
            let pool2 = simulator::journal::HostName::Pool2;
            let on_pool2 = stack
                .sim
                .journal()
                .iter()
                .any(|e| e.host == pool2 && e.step == simulator::journal::Step::XFrame);
            check(on_pool2, "the page framed the second pool")?;
            let person = stack
                .guest_in(ON_PREMISES_MEETING)
                .ok_or("the guest is not in the meeting")?;
            stack
                .sim
                .remove(ON_PREMISES_MEETING, &person)
                .map_err(|e| e.to_string())?;
            browser
                .wait_text("#screen-title", "You were removed from the meeting", 10)
                .await
                .map(drop)
        },
    )
    .await;
}

/// A website the server does not list gets the documented refusal through the frame, and
/// the guest the same sentence as online.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_site_the_server_does_not_list_is_told_so() {
    run(
        "on-premises-refused",
        Server::Strict,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| {
            browser.expect_console_errors();
            stack
                .sim
                .set_cross_domain_authorization_list(&["https://other.example"]);
            // The page signs in while the guest would type, so it says so at once.
            browser.open(&stack.app_link(ON_PREMISES_MEETING)).await?;
            browser
                .wait_text("#screen-title", "This website can't join the meeting", 15)
                .await?;
            browser.check_accessibility().await
        },
    )
    .await;
}

/// A locked on-premises meeting: the guest waits in the lobby and is let in; the web ticket,
/// its lifetime shortened to five minutes and three seconds, is renewed five minutes before
/// it ends, and the guest goes on chatting as the same participant.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guest_waits_in_the_lobby_and_chats_on_after_the_ticket_is_renewed() {
    const LOCKED: &str = "BRANCH02";
    let configure = |config: &mut simulator::config::SimConfig| {
        config.timers.web_ticket_secs = 303;
        config.meetings.push(simulator::config::MeetingConfig {
            id: LOCKED.to_owned(),
            tenant: simulator::demo::ON_PREMISES_TENANT.to_owned(),
            organizer: "alex".to_owned(),
            organizer_name: "Alex (Teller)".to_owned(),
            subject: "Private appointment".to_owned(),
            access_level: protocol::taapi::AccessLevel::Locked,
            organizer_present: true,
            participants: Vec::new(),
            dial_in: None,
        });
    };
    run_configured(
        "on-premises-lobby",
        Server::Strict,
        configure,
        async move |stack, browser| {
            list_the_site(stack);
            browser.expect_console_errors();
            join_as(browser, &stack.app_link(LOCKED), "Grace").await?;
            browser
                .wait_text("#screen-title", "Waiting to be let in", 15)
                .await?;
            browser.check_accessibility().await?;
            let person = stack.guest_in(LOCKED).ok_or("the guest is not in the lobby")?;
            stack.sim.admit(LOCKED, &person).map_err(|e| e.to_string())?;
            in_meeting(browser).await?;
            let renewals = || {
                stack
                    .sim
                    .journal()
                    .iter()
                    .filter(|e| e.step == simulator::journal::Step::WebTicket && e.status == 200)
                    .count()
            };
            for _ in 0..200 {
                if renewals() >= 2 {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            check(renewals() >= 2, format!("web tickets issued: {}", renewals()))?;
            browser
                .wait_script(
                    "document.querySelector('#chat-input')?.placeholder",
                    &Value::from("Type a message"),
                    15,
                )
                .await?;
            browser
                .type_into("#chat-input", "Still here after the renewal")
                .await?;
            browser.click("[data-testid=send]").await?;
            browser.wait_text("[data-testid=chat-log]", "Sent", 10).await?;
            let guests = stack.sim.guests_in(LOCKED);
            check(
                guests.len() == 1 && guests[0].id == person,
                format!("the same guest, once: {guests:?}"),
            )
        },
    )
    .await;
}

/// Staff check an on-premises link from the site: the sign-in and a guest application, no
/// guest token (there is no middle tier on premises), nothing left behind; and a site the
/// server does not list fails at the sign-in with what to do.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_check_an_on_premises_link() {
    run(
        "on-premises-check",
        Server::Strict,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| {
            list_the_site(stack);
            browser.expect_console_errors();
            browser.open(&stack.check_link(ON_PREMISES_MEETING)).await?;
            browser
                .wait_text("#screen-title", "Check a meeting link", 10)
                .await?;
            browser.click("[data-testid=check]").await?;
            browser
                .wait_text("[data-testid=check-verdict]", "This link works", 15)
                .await?;
            let rows = browser.texts("[data-testid=check-step]").await?;
            check(
                rows.len() == 3 && rows.iter().all(|r| r.contains("Passed")),
                format!("the link, the sign-in and the application passed: {rows:?}"),
            )?;
            browser.check_accessibility().await?;
            stack.applications_removed("the check").await?;

            stack
                .sim
                .set_cross_domain_authorization_list(&["https://other.example"]);
            browser.click("[data-testid=check]").await?;
            browser
                .wait_text(
                    "[data-testid=check-verdict]",
                    "Guests cannot join with this link",
                    15,
                )
                .await?;
            let rows = browser.texts("[data-testid=check-step]").await?;
            check(
                rows.get(1).is_some_and(|r| {
                    r.contains("Failed")
                        && r.contains("403")
                        && r.contains("Its administrator must add")
                        && !r.contains("GUEST_JOIN_ALLOWED_ORIGINS")
                }),
                format!("the sign-in failed, saying what to do: {rows:?}"),
            )
        },
    )
    .await;
}

/// Closing the tab leaves an on-premises meeting too where the server answers CORS: the
/// leave goes out with `keepalive`. (Where it answers only through its frame, the frame goes
/// with the page before its request does; the server drops the guest when the event channel
/// goes quiet.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_the_tab_leaves_an_on_premises_meeting_that_answers_cors() {
    run(
        "on-premises-close",
        Server::AllQuirks,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| {
            browser.expect_console_errors();
            join_as(browser, &list_the_site(stack), "Ada").await?;
            in_meeting(browser).await?;
            check(
                stack.guest_in(ON_PREMISES_MEETING).is_some(),
                "the guest is in the roster",
            )?;
            // Navigating away unloads the page as closing the tab does.
            browser.open("about:blank").await?;
            for _ in 0..100 {
                if stack.guest_in(ON_PREMISES_MEETING).is_none() && stack.sim.applications().is_empty() {
                    return Ok(());
                }
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            Err("the guest stayed in the meeting after the page closed".to_owned())
        },
    )
    .await;
}

/// A partner's page on another origin frames the app, and the app frames the server's
/// XFrame inside it: the server sees the app's origin, which it lists.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_page_embeds_the_app_for_an_on_premises_meeting() {
    let partner = Reserved::port().await.expect("a free port");
    let origin = partner.origin.clone();
    run(
        "on-premises-partner",
        Server::Strict,
        Viewport::DESKTOP,
        &[("GUEST_JOIN_ALLOWED_ORIGINS", &origin)],
        async move |stack, browser| {
            browser.expect_console_errors();
            let link = list_the_site(stack);
            let site = OtherSite::serve(partner, stack, Some(link)).await?;
            site.join_in_frame(browser, "Framed Guest").await?;
            in_meeting(browser).await?;
            check(
                application_framed(stack)?,
                "the application was created through the server's frame",
            )
        },
    )
    .await;
}
