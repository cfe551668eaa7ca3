//! The simulated on-premises server as a browser meets it (protocol.md §5.2): a page on
//! another origin reaches it through its cross-domain frame when the server lists that
//! origin, gets the documented refusal when it does not, and with the CORS quirk may call
//! it directly.

use e2e::browser::{Browser, Check, Server, Stack, Viewport, run};
use serde_json::Value;

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
        let conference = stack.sim.conference_uri(e2e::ON_PREMISES_MEETING).ok_or("the meeting")?;
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", "urn:microsoft.rtc:anonmeeting")
            .append_pair("password", e2e::ON_PREMISES_MEETING)
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
