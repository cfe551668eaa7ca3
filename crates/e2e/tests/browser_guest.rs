//! A guest in headless Chromium, as a customer would be: from an invitation link into the
//! meeting, through the lobby, chatting, and out again; a partner page framing the app;
//! staff checking a link; keyboard-only use; a small phone.

use std::time::Duration;

use e2e::browser::{
    Browser, Check, Network, OtherSite, Reserved, Server, Stack, Viewport, join_cost, run, run_on,
    sequential_round_trips,
};
use fantoccini::Locator;
use protocol::ucwa::resources::{MessageBody, Role};
use serde_json::Value;

const OPEN: &str = "OPEN2024";
const LOBBY: &str = "ADV1SE24";
const HOST: &str = "riley.host@contoso.onmicrosoft.com";

/// Declares a scenario that runs twice, as `<name>::strict` and `<name>::all_quirks`:
/// against a simulator as strict as the documents, and against one with every documented
/// alternative switched on (`Server`), with `$server` bound to which.
macro_rules! on_both_servers {
    ($server:ident => $(#[$meta:meta])* async fn $name:ident() $body:block) => {
        $(#[$meta])*
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn strict() {
                let $server = Server::Strict;
                $body
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn all_quirks() {
                let $server = Server::AllQuirks;
                $body
            }
        }
    };
}

fn check(ok: bool, what: impl Into<String>) -> Check {
    if ok { Ok(()) } else { Err(what.into()) }
}

async fn join(browser: &Browser, stack: &Stack, meeting: &str, name: &str) -> Check {
    browser.open(&stack.app_link(meeting)).await?;
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

async fn chat_ready(browser: &Browser) -> Check {
    // The composer says so in its placeholder once chat is connected.
    for _ in 0..200 {
        let placeholder = browser
            .wait("#chat-input", 5)
            .await?
            .attr("placeholder")
            .await
            .map_err(|e| e.to_string())?;
        if placeholder.as_deref() == Some("Type a message") {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err("chat never connected".to_owned())
}

fn now_ms() -> i64 {
    simulator::ids::now_ms()
}

/// Joins OPEN2024 from its link as a guest who types `name` (or finds it filled in, when the
/// link carries `&name=`), waiting until the page has done what it does ahead of the click;
/// returns when the Join button was clicked.
async fn join_timing_the_click(
    browser: &Browser,
    stack: &Stack,
    name: &str,
    name_in_link: bool,
) -> Check<i64> {
    let mut link = url::Url::parse(&stack.app_link(OPEN)).map_err(|e| e.to_string())?;
    if name_in_link {
        link.query_pairs_mut().append_pair("name", name);
    }
    browser.open(link.as_str()).await?;
    browser.wait_text("#screen-title", "Join", 10).await?;
    if name_in_link {
        // The name is known, so the guest application is made while the page waits.
        stack.application_parked().await?;
    } else {
        browser.type_into("#display-name", name).await?;
        stack.discovered().await?;
    }
    // The page has read the last answer it waited for and has nothing left to do, so
    // every request from here on is the click's.
    browser
        .settled_after(if name_in_link {
            "/ucwa/psanon/v1/applications"
        } else {
            "/platformservice/discover"
        })
        .await?;
    let clicked = now_ms();
    browser.click("[data-testid=join]").await?;
    in_meeting(browser).await?;
    Ok(clicked)
}

/// What the Join click cost, printed, and checked against `expected` requests that are not
/// CORS preflights.
fn click_cost(stack: &Stack, clicked: i64, expected: usize) -> Check {
    let entries = stack.sim.journal();
    let cost = join_cost(&entries, clicked).ok_or("the guest never asked to join")?;
    let sequential =
        sequential_round_trips(&entries, clicked).ok_or("the journal shows no completed invitation")?;
    println!(
        "the Join click cost {} request(s), {} of them preflights; {sequential} sequential round trips to the meeting",
        cost.requests, cost.preflights
    );
    check(
        cost.requests - cost.preflights == expected,
        format!("the click should send {expected} request(s) besides preflights: {cost:?}"),
    )?;
    check(
        cost.preflights <= expected,
        format!("at most one preflight per request: {cost:?}"),
    )
}

on_both_servers! { server =>
async fn a_guest_types_their_name_and_joins_a_meeting_without_a_lobby() {
    run("join-open", server, Viewport::DESKTOP, &[], async move |stack, browser| {
        let clicked = join_timing_the_click(browser, stack, "Ada Lovelace", false).await?;
        // The service creates the application with the guest's name, so it comes at the
        // click, and then the join.
        click_cost(stack, clicked, 2)?;
        browser.wait_text("#screen-title", "Open Q&A", 5).await?;
        // Everyone is named at once; roles follow from their resources.
        browser.wait_text("[data-testid=roster]", "Jordan Lee", 5).await?;
        let organizer = browser.wait_text("[data-testid=roster]", "Organizer", 5).await?;
        check(
            organizer.contains("Riley (Host)"),
            format!("the organizer is listed: {organizer:?}"),
        )?;
        let people = browser.texts("[data-testid=participant]").await?;
        check(
            people.iter().any(|p| p.contains("Riley (Host)") && p.contains("Organizer")),
            format!("the organizer is marked: {people:?}"),
        )?;
        let title = browser.title().await?;
        check(title == "In Open Q&A", format!("title {title:?}"))
    })
    .await;
}
}

on_both_servers! { server =>
async fn a_guest_is_told_when_part_of_the_page_does_not_arrive_and_reloading_mends_it() {
    run("part-missing", server, Viewport::PHONE, &[], async move |stack, browser| {
        browser.expect_console_errors();
        browser.block_urls(&["*/split_guest.wasm"]).await?;
        browser.open_early(&stack.app_link(OPEN)).await?;
        browser
            .wait_text("[data-testid=part-missing]", "This page did not finish loading", 15)
            .await?;
        // The early name screen goes with it: its Join could no longer join.
        let early = browser.script("return document.getElementById('early') === null").await?;
        check(early == Value::Bool(true), "the early name screen is gone")?;
        browser.check_accessibility().await?;
        browser.block_urls(&[]).await?;
        browser.click("[data-testid=part-missing] button").await?;
        browser.wait_text("#screen-title", "Join", 10).await?;
        browser.type_into("#display-name", "Back Again").await?;
        browser.click("[data-testid=join]").await?;
        in_meeting(browser).await
    })
    .await;
}
}

on_both_servers! { server =>
async fn on_a_slow_connection_a_guest_types_and_joins_before_the_app_has_loaded() {
    run_on("early-join", server, Viewport::PHONE, Some(Network::FAST_3G), &[], async move |stack, browser| {
        browser.open_early(&stack.app_link(OPEN)).await?;
        // The page's own name screen, before the app: usable, labelled, styled.
        let field = browser.wait("#early:not([hidden]) #display-name", 10).await?;
        browser.wait_text("[data-testid=meeting-id]", OPEN, 1).await?;
        browser.click("[data-testid=join]").await?;
        browser.wait_text("#display-name-help", "Enter your name", 1).await?;
        field.send_keys("Early Bird").await.map_err(|e| e.to_string())?;
        browser.click("[data-testid=join]").await?;
        browser.wait_text("[data-testid=join]", "Joining…", 1).await?;
        let before_app = browser.script("return document.getElementById('early') !== null").await?;
        check(before_app == Value::Bool(true), "Join was pressed before the app took over")?;
        // The app takes the press over and joins with the typed name, no second click.
        in_meeting(browser).await?;
        let meeting = stack.meeting(OPEN).to_string();
        check(meeting.contains("Early Bird"), format!("the meeting has the typed name: {meeting}"))?;
        browser.check_contrast().await?;
        browser.check_accessibility().await
    })
    .await;
}
}

on_both_servers! { server =>
async fn a_guest_whose_name_is_known_ahead_joins_with_one_request() {
    run("join-known-name", server, Viewport::DESKTOP, &[], async move |stack, browser| {
        let clicked = join_timing_the_click(browser, stack, "Ada Lovelace", true).await?;
        click_cost(stack, clicked, 1)?;
        let guest = stack.sim.guests_in(OPEN);
        check(
            guest.iter().any(|p| p.name == "Ada Lovelace"),
            format!("the meeting shows the guest by name: {guest:?}"),
        )
    })
    .await;
}
}

on_both_servers! { server =>
async fn a_guest_waits_in_the_lobby_and_is_admitted() {
    run("lobby-admitted", server,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| {
            join(browser, stack, LOBBY, "Grace Hopper").await?;
            browser
                .wait_text("#screen-title", "Waiting to be let in", 15)
                .await?;
            browser
                .wait_text("[data-testid=lobby-elapsed]", "0:01", 5)
                .await?;
            browser.check_accessibility().await?;
            let title = browser.title().await?;
            check(
                title.starts_with("Waiting to be let in"),
                format!("title {title:?}"),
            )?;
            let person = stack.guest_in(LOBBY).ok_or("the guest is not in the lobby")?;
            stack.sim.admit(LOBBY, &person).map_err(|e| e.to_string())?;
            in_meeting(browser).await?;
            browser
                .wait_text("[data-testid=announcer]", "You were let in", 5)
                .await?;
            let title = browser.title().await?;
            check(
                title == "In Mortgage advice",
                format!("the title says so even in a background tab: {title:?}"),
            )
        },
    )
    .await;
}
}

on_both_servers! { server =>
async fn a_guest_denied_from_the_lobby_is_told_so() {
    run("lobby-denied", server,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| {
            join(browser, stack, LOBBY, "Mallory").await?;
            browser
                .wait_text("#screen-title", "Waiting to be let in", 15)
                .await?;
            let person = stack.guest_in(LOBBY).ok_or("not in the lobby")?;
            stack.sim.deny(LOBBY, &person).map_err(|e| e.to_string())?;
            browser
                .wait_text("#screen-title", "You weren't let in", 10)
                .await?;
            browser
                .wait_text("[data-testid=outcome]", "did not admit you", 2)
                .await?;
            browser
                .wait_text("[data-testid=retry]", "Ask to join again", 2)
                .await?;
            browser.check_contrast().await?;
            browser.check_accessibility().await
        },
    )
    .await;
}
}

on_both_servers! { server =>
async fn guest_and_organizer_chat_both_ways() {
    run("chat", server, Viewport::DESKTOP, &[], async |stack, browser| {
        join(browser, stack, OPEN, "Ada").await?;
        in_meeting(browser).await?;
        chat_ready(browser).await?;
        browser.type_into("#chat-input", "Hello, I have a question about my loan").await?;
        browser.click("[data-testid=send]").await?;
        browser.wait_text("[data-testid=chat-log]", "Sent", 10).await?;
        // Enter sends too.
        let input = browser.wait("#chat-input", 5).await?;
        input.send_keys("Is now a good time?\u{E007}").await.map_err(|e| e.to_string())?;
        for _ in 0..100 {
            if stack.meeting(OPEN)["chat"].as_array().map_or(0, Vec::len) >= 2 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let chat = stack.meeting(OPEN)["chat"].clone();
        check(chat[0]["text"] == "Hello, I have a question about my loan" && chat[0]["from"] == "Ada", format!("the organizer got it: {chat}"))?;
        check(chat[1]["text"] == "Is now a good time?", format!("Enter sent it: {chat}"))?;
        stack.sim.say(OPEN, HOST, MessageBody::Plain("Yes, go ahead!".to_owned())).map_err(|e| e.to_string())?;
        browser.wait_text("[data-testid=chat-log]", "Yes, go ahead!", 10).await?;
        browser.wait_text("[data-testid=announcer]", "Riley (Host) says: Yes, go ahead!", 5).await?;
        // Each message's time as the browser writes times in its language, with the instant
        // for machines.
        let time = browser
            .script("const t = document.querySelector('[data-testid=message] time'); return [t.dateTime, t.textContent, new Date(t.dateTime).toLocaleTimeString(navigator.language, {hour: 'numeric', minute: '2-digit'})]")
            .await?;
        check(
            time[0].as_str().is_some_and(|at| at.ends_with('Z')) && time[1] == time[2],
            format!("a message's time follows the browser's language: {time}"),
        )?;
        stack.sim.say(OPEN, HOST, MessageBody::Html("<b>Bold</b> <img src=x onerror=alert(1)><script>window.pwned=1</script>plan".to_owned())).map_err(|e| e.to_string())?;
        browser.wait_text("[data-testid=chat-log]", "Bold plan", 10).await?;
        let injected = browser.script("return document.querySelector('[data-testid=chat-log]').querySelectorAll('b, img, script').length + (window.pwned ? 100 : 0)").await?;
        check(injected == 0, format!("incoming HTML is never inserted as markup ({injected})"))?;
        browser.check_contrast().await?;
        browser.check_accessibility().await?;
        if let Ok(dir) = std::env::var("E2E_SCREENSHOT_DIR") {
            let png = browser.client.screenshot().await.map_err(|e| e.to_string())?;
            std::fs::write(std::path::Path::new(&dir).join("meeting.png"), png).map_err(|e| e.to_string())?;
        }
        Ok(())
    }).await;
}
}

on_both_servers! { server =>
async fn the_guest_sees_who_is_typing_and_the_others_see_the_guest_type() {
    run("typing", server, Viewport::DESKTOP, &[], async |stack, browser| {
        join(browser, stack, OPEN, "Ada").await?;
        in_meeting(browser).await?;
        chat_ready(browser).await?;
        stack.sim.typing(OPEN, HOST).map_err(|e| e.to_string())?;
        browser.wait_text("[data-testid=typing]", "Riley (Host) is typing…", 10).await?;
        stack.sim.say(OPEN, HOST, MessageBody::Plain("Here are the rates".to_owned())).map_err(|e| e.to_string())?;
        browser.wait_text("[data-testid=chat-log]", "Here are the rates", 10).await?;
        let shown = browser.texts("[data-testid=typing]").await?.join("");
        check(shown.trim().is_empty(), format!("the message ends the typing: {shown:?}"))?;
        let announced = browser.texts("[data-testid=announcer]").await?.join("");
        check(!announced.contains("typing"), format!("typing is not announced: {announced:?}"))?;
        // The guest types: the meeting hears it, before anything is sent.
        let guest = stack.guest_in(OPEN).ok_or("the guest is in the meeting")?;
        browser.type_into("#chat-input", "Thank you, one more question").await?;
        for _ in 0..100 {
            if stack.sim.typing_in(OPEN).contains(&guest) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(format!("the guest's typing never reached the meeting: {:?}", stack.sim.typing_in(OPEN)))
    }).await;
}
}

on_both_servers! { server =>
async fn web_links_in_messages_open_in_a_new_tab_and_nothing_else_is_a_link() {
    run("message-links", server, Viewport::DESKTOP, &[], async |stack, browser| {
        join(browser, stack, OPEN, "Ada").await?;
        in_meeting(browser).await?;
        chat_ready(browser).await?;
        let text = "Rates: https://bank.example/rates?type=fixed. Not this: javascript:alert(document.domain) or <a href=\"javascript:alert(1)\">x</a>";
        stack.sim.say(OPEN, HOST, MessageBody::Plain(text.to_owned())).map_err(|e| e.to_string())?;
        browser.wait_text("[data-testid=chat-log]", "Not this", 10).await?;
        let links = browser.script(
            "return [...document.querySelectorAll('[data-testid=chat-log] a')].map(a => [a.getAttribute('href'), a.rel, a.target, a.textContent])",
        ).await?;
        check(
            links == serde_json::json!([["https://bank.example/rates?type=fixed", "noopener noreferrer", "_blank", "https://bank.example/rates?type=fixed"]]),
            format!("one link, the web one, opening apart: {links}"),
        )?;
        let shown = browser.texts("[data-testid=message-text]").await?.join("");
        check(shown == text, format!("the text reads as sent: {shown}"))
    }).await;
}
}

on_both_servers! { server =>
async fn a_skype_user_and_a_partner_organisation_are_badged() {
    run("origins", server, Viewport::DESKTOP, &[], async move |stack, browser| {
        join(browser, stack, OPEN, "Ada").await?;
        in_meeting(browser).await?;
        let skype = simulator::model::Affiliation::Skype { account: "jo.consumer@example.com".to_owned() };
        stack.sim.add_person_from(OPEN, "Jo Consumer", Role::Attendee, &skype).map_err(|e| e.to_string())?;
        let partner = simulator::model::Affiliation::OtherOrganisation { domain: "fabrikam.com".to_owned() };
        stack.sim.add_person_from(OPEN, "Fay Partner", Role::Attendee, &partner).map_err(|e| e.to_string())?;
        browser.wait_text("[data-testid=roster]", "jo.consumer@example.com", 10).await?;
        browser.wait_text("[data-testid=roster]", "Guest from another organisation", 10).await?;
        let rows = browser.script(
            "return [...document.querySelectorAll('[data-testid=participant]')].map(li => [li.querySelector('.roster__name').textContent, [...li.querySelectorAll('.badge')].map(b => b.textContent).join('+')])",
        ).await?;
        let expect = serde_json::json!([
            ["Fay Partner", "Guest from another organisation"],
            ["Jo Consumer", "Skype"],
            ["Jordan Lee", ""],
            ["Riley (Host)", "Organizer"],
        ]);
        check(rows == expect, format!("who is who: {rows}"))?;
        browser.check_contrast().await?;
        browser.check_accessibility().await
    }).await;
}
}

on_both_servers! { server =>
async fn the_meeting_screen_says_how_to_join_by_phone() {
    run("dial-in", server, Viewport::PHONE, &[], async |stack, browser| {
        join(browser, stack, OPEN, "Ada").await?;
        in_meeting(browser).await?;
        browser.wait_text("[data-testid=dial-in]", "Conference ID: 51930482", 10).await?;
        let askable = browser.script("return window.Notification?.permission === 'default'").await?;
        let offers = browser.texts("[data-testid=notify-me]").await?;
        check(
            offers == if askable == true { vec!["Notify me of new messages".to_owned()] } else { Vec::new() },
            format!("the meeting offers notifications where they can be asked for ({askable}): {offers:?}"),
        )?;
        let numbers = browser.script(
            "return [...document.querySelectorAll('[data-testid=dial-in-number]')].map(a => [a.getAttribute('href'), a.textContent])",
        ).await?;
        check(
            numbers == serde_json::json!([["tel:+12065550123", "+12065550123"], ["tel:+12125550147", "+12125550147"]]),
            format!("the numbers, as tel: links, the default region first: {numbers}"),
        )
    }).await;
}
}

on_both_servers! { server =>
async fn the_participant_list_follows_people_joining_and_leaving() {
    run("roster", server, Viewport::DESKTOP, &[], async move |stack, browser| {
        join(browser, stack, OPEN, "Ada").await?;
        in_meeting(browser).await?;
        let pat = stack
            .sim
            .add_person(OPEN, "Pat Advisor", Role::Leader)
            .map_err(|e| e.to_string())?;
        browser
            .wait_text("[data-testid=roster]", "Pat Advisor", 10)
            .await?;
        browser
            .wait_text("[data-testid=announcer]", "Pat Advisor joined", 5)
            .await?;
        browser.wait_text("#people-title", "People (4)", 5).await?;
        stack.sim.remove(OPEN, &pat).map_err(|e| e.to_string())?;
        browser
            .wait_text("[data-testid=announcer]", "Pat Advisor left", 10)
            .await?;
        browser.wait_text("#people-title", "People (3)", 5).await?;
        let roster = browser.texts("[data-testid=roster]").await?.join(" ");
        check(
            !roster.contains("Pat Advisor"),
            format!("Pat left the list: {roster}"),
        )
    })
    .await;
}
}

on_both_servers! { server =>
async fn a_guest_stays_until_the_organizer_ends_the_meeting() {
    run("meeting-ended", server,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| {
            join(browser, stack, OPEN, "Ada").await?;
            in_meeting(browser).await?;
            // The page waits for what happens next, as a guest in the meeting does.
            stack.application_parked().await?;
            stack.sim.end_meeting(OPEN).map_err(|e| e.to_string())?;
            browser
                .wait_text("#screen-title", "The meeting has ended", 10)
                .await?;
            browser.wait_text("[data-testid=retry]", "Rejoin", 2).await?;
            browser.check_accessibility().await?;
            let title = browser.title().await?;
            check(title == "The meeting has ended", format!("title {title:?}"))
        },
    )
    .await;
}
}

on_both_servers! { server =>
async fn a_removed_guest_is_told_they_were_removed() {
    run("removed", server, Viewport::DESKTOP, &[], async move |stack, browser| {
        join(browser, stack, OPEN, "Ada").await?;
        in_meeting(browser).await?;
        let person = stack.guest_in(OPEN).ok_or("the guest is not in the meeting")?;
        stack.sim.remove(OPEN, &person).map_err(|e| e.to_string())?;
        browser
            .wait_text("#screen-title", "You were removed from the meeting", 10)
            .await?;
        browser.wait_text("[data-testid=retry]", "Rejoin", 2).await?;
        browser.check_accessibility().await?;
        let title = browser.title().await?;
        check(
            title == "You were removed from the meeting",
            format!("title {title:?}"),
        )
    })
    .await;
}
}

on_both_servers! { server =>
async fn a_guest_leaves_then_rejoins_as_the_same_guest() {
    run("leave-rejoin", server,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| {
            join(browser, stack, OPEN, "Ada").await?;
            in_meeting(browser).await?;
            let session = stack
                .sim
                .applications()
                .into_iter()
                .next()
                .map(|a| a.session_id)
                .ok_or("no application")?;
            browser.click("[data-testid=leave]").await?;
            browser
                .wait_text("#screen-title", "You left the meeting", 10)
                .await?;
            browser.check_accessibility().await?;
            check(stack.guest_in(OPEN).is_none(), "the guest left the roster")?;
            browser.click("[data-testid=retry]").await?;
            in_meeting(browser).await?;
            let sessions: Vec<String> = stack
                .sim
                .applications()
                .into_iter()
                .map(|a| a.session_id)
                .collect();
            check(
                sessions == [session.clone()],
                format!("one application, for the same session {session}: {sessions:?}"),
            )
        },
    )
    .await;
}
}

on_both_servers! { server =>
async fn closing_the_tab_leaves_the_meeting() {
    run("close-tab", server,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| {
            join(browser, stack, OPEN, "Ada").await?;
            in_meeting(browser).await?;
            check(stack.guest_in(OPEN).is_some(), "the guest is in the roster")?;
            // Navigating away unloads the page as closing the tab does.
            browser.open("about:blank").await?;
            for _ in 0..100 {
                if stack.guest_in(OPEN).is_none() && stack.sim.applications().is_empty() {
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Err("the guest stayed in the meeting after the page closed".to_owned())
        },
    )
    .await;
}
}

on_both_servers! { server =>
async fn a_bad_link_gets_a_clear_message() {
    run("bad-link", server, Viewport::DESKTOP, &[], async move |stack, browser| {
        let mut url = stack.tier.url.clone();
        url.query_pairs_mut()
            .append_pair("join", "https://www.example.com/about");
        browser.open(url.as_str()).await?;
        browser
            .wait_text("#join-link-verdict", "doesn't lead to a meeting", 10)
            .await?;
        browser.check_accessibility().await?;
        let disabled = browser
            .wait("[data-testid=continue]", 2)
            .await?
            .prop("disabled")
            .await
            .map_err(|e| e.to_string())?;
        check(disabled.as_deref() == Some("true"), "Continue stays disabled")?;
        let invalid = browser
            .wait("#join-link", 2)
            .await?
            .attr("aria-invalid")
            .await
            .map_err(|e| e.to_string())?;
        check(invalid.as_deref() == Some("true"), "the field is marked invalid")?;
        let with_user_info = stack.join_url(OPEN).replacen("://", "://someone:secret@", 1);
        browser.type_into("#join-link", &with_user_info).await?;
        browser
            .wait_text("#join-link-verdict", "has a user name or password in it", 5)
            .await?;
        browser.type_into("#join-link", &stack.join_url(OPEN)).await?;
        browser
            .wait_text("#join-link-verdict", "You can join it as a guest", 5)
            .await?;
        browser.click("[data-testid=continue]").await?;
        browser.wait_text("#screen-title", "Join", 10).await.map(drop)
    })
    .await;
}
}

on_both_servers! { server =>
async fn a_page_on_an_origin_the_middle_tier_does_not_allow_is_refused() {
    run("origin-refused", server,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| {
            // The middle tier refuses the page's origin: that request fails in the console.
            browser.expect_console_errors();
            let site = OtherSite::start(stack, None).await?;
            let mut url = site.url.clone();
            url.query_pairs_mut().append_pair("join", &stack.join_url(OPEN));
            browser.open(url.as_str()).await?;
            browser
                .wait_text("#screen-title", "This website can't join the meeting", 15)
                .await?;
            browser
                .wait_text("[data-testid=outcome]", "isn't allowed to connect", 2)
                .await?;
            check(
                stack.sim.applications().is_empty(),
                "nothing was created upstream",
            )
        },
    )
    .await;
}
}

on_both_servers! { server =>
async fn a_lost_event_channel_recovers_without_losing_messages() {
    run("channel-lost", server,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| {
            join(browser, stack, OPEN, "Ada").await?;
            in_meeting(browser).await?;
            chat_ready(browser).await?;
            // Dropped connections show in the console as failed requests.
            browser.expect_console_errors();
            // Drop the parked poll now, and the next two.
            stack.sim.drop_parked_polls(2);
            for text in ["first", "second", "third"] {
                stack
                    .sim
                    .say(OPEN, HOST, MessageBody::Plain(text.to_owned()))
                    .map_err(|e| e.to_string())?;
            }
            browser.wait_text("[data-testid=chat-log]", "third", 20).await?;
            // Once the page waits for more, everything delivered so far is on screen: a
            // message delivered twice would show by now.
            stack.application_parked().await?;
            let texts = browser.texts("[data-testid=message-text]").await?;
            check(
                texts == ["first", "second", "third"],
                format!("each message exactly once, in order: {texts:?}"),
            )?;
            let dropped = stack.sim.journal().iter().filter(|e| e.status == 0).count();
            check(dropped >= 2, format!("the channel really dropped ({dropped})"))?;
            in_meeting(browser).await
        },
    )
    .await;
}
}

on_both_servers! { server =>
async fn a_partner_page_on_another_origin_embeds_the_app() {
    let partner = Reserved::port().await.expect("a free port");
    let origin = partner.origin.clone();
    run("partner-embed", server,
        Viewport::DESKTOP,
        &[("GUEST_JOIN_ALLOWED_ORIGINS", &origin)],
        async move |stack, browser| {
            let site = OtherSite::serve(partner, stack, Some(stack.app_link(OPEN))).await?;
            site.join_in_frame(browser, "Framed Guest").await?;
            in_meeting(browser).await?;
            let offers = browser.texts("[data-testid=notify-me]").await?;
            check(offers.is_empty(), format!("no notification offer inside another site's frame: {offers:?}"))?;
            browser
                .client
                .enter_parent_frame()
                .await
                .map_err(|e| e.to_string())?;
            let heading = browser
                .client
                .find(Locator::Css("h1"))
                .await
                .map_err(|e| e.to_string())?
                .text()
                .await
                .map_err(|e| e.to_string())?;
            check(
                heading == "Talk to an advisor",
                "the partner's page is still around the app",
            )
        },
    )
    .await;
}
}

/// The partner list a middle tier gets for a partner on `origin`, branded.
fn branded_partner(origin: &str) -> String {
    serde_json::json!([{
        "name": "Example Bank",
        "origins": [origin],
        "accent": "#1b4d3e",
        "logo": format!("{origin}/logo.svg"),
        "display_name": "Example Bank",
    }])
    .to_string()
}

/// The partner page's `<guest-join>` element for `meeting` on `site`.
fn embedding_page(stack: &Stack, site: &OtherSite, meeting: &str) -> String {
    let mut url = site.url.join("embed.html").expect("a page url");
    url.query_pairs_mut()
        .append_pair("join", &stack.join_url(meeting));
    url.to_string()
}

/// What the partner page has heard from the app, as `type:detail` strings.
async fn partner_heard(browser: &Browser) -> Check<Vec<String>> {
    let heard = browser
        .script("return (window.guestJoinEvents || []).map(e => e.type + ':' + (e.stage || e.count || e.version || '') + (e.reason ? ':' + e.reason : ''))")
        .await?;
    Ok(heard
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|e| e.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

/// Waits until the partner page has heard `event`.
async fn partner_hears(browser: &Browser, event: &str) -> Check<Vec<String>> {
    for _ in 0..200 {
        let heard = partner_heard(browser).await?;
        if heard.iter().any(|e| e == event) {
            return Ok(heard);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(format!(
        "the partner page never heard {event}: {:?}",
        partner_heard(browser).await?
    ))
}

/// Enters the `<guest-join>` element's frame.
async fn enter_app_frame(browser: &Browser) -> Check {
    let frame = browser.wait("guest-join iframe", 10).await?;
    frame.enter_frame().await.map_err(|e| e.to_string())
}

on_both_servers! { server =>
async fn a_partner_page_embeds_the_app_with_one_element_and_hears_every_stage() {
    let partner = Reserved::port().await.expect("a free port");
    let partners = branded_partner(&partner.origin);
    run("partner-element", server, Viewport::DESKTOP, &[("GUEST_JOIN_PARTNERS", &partners)], async move |stack, browser| {
        let site = OtherSite::serve(partner, stack, None).await?;
        browser.open(&embedding_page(stack, &site, LOBBY)).await?;
        partner_hears(browser, "ready:1").await?;
        // The partner hands the name over by message, not in a URL.
        browser.script("document.querySelector('guest-join').setName('Pat Partner'); return true").await?;
        enter_app_frame(browser).await?;
        browser.wait_text("#screen-title", "Join", 15).await?;
        for _ in 0..100 {
            let typed = browser.wait("#display-name", 5).await?.prop("value").await.map_err(|e| e.to_string())?;
            if typed.as_deref() == Some("Pat Partner") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        browser.wait_text("[data-testid=brand]", "Example Bank", 5).await?;
        browser.check_contrast().await?;
        browser.check_accessibility().await?;
        let accent = browser.script("return getComputedStyle(document.querySelector('[data-testid=join]')).backgroundColor").await?;
        check(accent == "rgb(27, 77, 62)", format!("the partner's accent colours the buttons: {accent}"))?;
        browser.click("[data-testid=join]").await?;
        browser.wait_text("#screen-title", "Waiting to be let in", 15).await?;
        let lobby = browser.texts("main").await?.join(" ");
        check(!lobby.contains("title changes"), format!("no promise of a title change in a frame: {lobby}"))?;
        check(browser.texts("[data-testid=notify-me]").await?.is_empty(), "no notification offer in a frame")?;
        let guest = stack.guest_in(LOBBY).ok_or("the guest waits in the lobby")?;
        stack.sim.admit(LOBBY, &guest).map_err(|e| e.to_string())?;
        in_meeting(browser).await?;
        browser.client.enter_parent_frame().await.map_err(|e| e.to_string())?;
        partner_hears(browser, "stage:meeting").await?;
        browser.click("#leave").await?;
        let heard = partner_hears(browser, "stage:ended:left").await?;
        let stages: Vec<&str> = heard.iter().filter(|e| e.starts_with("stage:")).map(String::as_str).collect();
        let wanted = ["stage:name", "stage:joining", "stage:lobby", "stage:meeting", "stage:ended:left"];
        let mut rest = stages.iter();
        for stage in wanted {
            check(rest.any(|s| *s == stage), format!("{stage} in order: {heard:?}"))?;
        }
        check(heard.first().is_some_and(|e| e == "ready:1"), format!("ready comes first: {heard:?}"))?;
        check(heard.iter().any(|e| e.starts_with("people:") && e != "people:"), format!("people were counted: {heard:?}"))?;
        browser.wait_text("#status", "The conversation has ended.", 5).await.map(drop)
    })
    .await;
}
}

on_both_servers! { server =>
async fn strangers_can_neither_hear_nor_command_the_app() {
    let partner = Reserved::port().await.expect("a free port");
    let partners = branded_partner(&partner.origin);
    run("partner-strangers", server, Viewport::DESKTOP, &[("GUEST_JOIN_PARTNERS", &partners)], async move |stack, browser| {
        let site = OtherSite::serve(partner, stack, None).await?;
        let stranger = OtherSite::start(stack, None).await?;
        browser.open(&embedding_page(stack, &site, OPEN)).await?;
        partner_hears(browser, "ready:1").await?;
        browser.script("document.querySelector('guest-join').setName('Ada'); return true").await?;
        enter_app_frame(browser).await?;
        browser.wait_text("#screen-title", "Join", 15).await?;
        browser.click("[data-testid=join]").await?;
        in_meeting(browser).await?;
        browser.client.enter_parent_frame().await.map_err(|e| e.to_string())?;
        // A frame of another origin in the partner's page posts a command to the app.
        browser
            .script(&format!(
                "const f = document.createElement('iframe'); f.onload = () => window.forgerLoaded = true; f.src = '{}forger.html'; document.body.appendChild(f); return true",
                stranger.url
            ))
            .await?;
        for _ in 0..100 {
            if browser.script("return window.forgerLoaded === true").await? == true {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        enter_app_frame(browser).await?;
        in_meeting(browser).await?;
        check(stack.guest_in(OPEN).is_some(), "the forged leave was ignored")?;
        browser.client.enter_parent_frame().await.map_err(|e| e.to_string())?;
        // A page on an unlisted origin may not frame the app at all, so it hears nothing.
        browser.expect_console_errors();
        browser.open(&embedding_page(stack, &stranger, OPEN)).await?;
        browser.script("document.querySelector('guest-join iframe').onload = () => window.frameLoaded = true; return true").await?;
        for _ in 0..100 {
            if browser.script("return window.frameLoaded === true").await? == true {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let heard = partner_heard(browser).await?;
        check(heard.is_empty(), format!("an unlisted page hears nothing: {heard:?}"))
    })
    .await;
}
}

on_both_servers! { server =>
async fn the_dark_theme_keeps_every_text_readable() {
    run("dark-theme", server, Viewport::DESKTOP, &[], async |stack, browser| {
        browser.open(&format!("{}&theme=dark", stack.app_link(OPEN))).await?;
        browser.wait_text("#screen-title", "Join", 10).await?;
        let paper = browser.script("return getComputedStyle(document.querySelector('.card')).backgroundColor").await?;
        check(paper == "rgb(30, 34, 39)", format!("the dark theme is on: {paper}"))?;
        browser.check_contrast().await?;
        browser.check_accessibility().await?;
        browser.type_into("#display-name", "Ada").await?;
        browser.click("[data-testid=join]").await?;
        in_meeting(browser).await?;
        chat_ready(browser).await?;
        stack.sim.say(OPEN, HOST, MessageBody::Plain("Rates: https://bank.example/rates".to_owned())).map_err(|e| e.to_string())?;
        browser.wait_text("[data-testid=chat-log]", "Rates", 10).await?;
        browser.check_contrast().await?;
        browser.check_accessibility().await
    })
    .await;
}
}

on_both_servers! { server =>
async fn staff_check_a_link_before_sending_it() {
    run("link-check", server,
        Viewport::DESKTOP,
        &[],
        async move |stack, browser| {
            browser.open(&stack.check_link(LOBBY)).await?;
            browser
                .wait_text("#screen-title", "Check a meeting link", 10)
                .await?;
            browser.click("[data-testid=check]").await?;
            browser
                .wait_text("[data-testid=check-verdict]", "This link works", 15)
                .await?;
            let rows = browser.texts("[data-testid=check-step]").await?;
            check(
                rows.len() == 4 && rows.iter().all(|r| r.contains("Passed")),
                format!("every step passed: {rows:?}"),
            )?;
            browser.check_accessibility().await?;
            let copied = copy_report(browser, "Report copied").await?;
            check(copied.contains("WORKS") && copied.contains(&format!("Meeting id: {LOBBY}")), format!("the report says it works: {copied}"))?;
            no_secrets(&copied)?;
            stack.applications_removed("the check").await?;
            check(stack.guest_in(LOBBY).is_none(), "nobody joined the meeting")?;
            browser
                .type_into("#join-link", &stack.join_url(LOBBY).replace(LOBBY, "NOSUCH99"))
                .await?;
            browser.click("[data-testid=check]").await?;
            // The middle tier refuses the token: the console shows that request failing.
            browser.expect_console_errors();
            browser
                .wait_text("[data-testid=check-verdict]", "Guests cannot join with this link", 15)
                .await?;
            let rows = browser.texts("[data-testid=check-step]").await?;
            check(
                rows.get(1).is_some_and(|r| r.contains("Failed") && r.contains("meeting_not_found") && r.contains("Request id:") && r.contains("What to do:")),
                format!("the failing step says what failed, what to do, and the request id: {rows:?}"),
            )?;
            browser.check_accessibility().await?;
            let copied = copy_report(browser, "Report copied").await?;
            check(
                copied.contains("FAILS") && copied.contains("Meeting id: NOSUCH99") && copied.contains("2. This service hands out guest access for the meeting: FAILED"),
                format!("the report names the failed step: {copied}"),
            )?;
            no_secrets(&copied)
        },
    )
    .await;
}
}

on_both_servers! { server =>
async fn staff_check_can_join_the_meeting_as_a_visible_participant() {
    run("link-check-join", server, Viewport::DESKTOP, &[], async move |stack, browser| {
        let mut url = stack.tier.url.clone();
        url.query_pairs_mut()
            .append_pair("check", "")
            .append_pair("join", &stack.join_url(OPEN));
        browser.open(url.as_str()).await?;
        browser.wait_text("#screen-title", "Check a meeting link", 10).await?;
        browser.click("[data-testid=check-joins]").await?;
        browser.wait_text("main", "The check joins the meeting as “Link check” and leaves at once.", 5).await?;
        browser.click("[data-testid=check]").await?;
        browser.wait_text("[data-testid=check-verdict]", "This link works", 15).await?;
        let rows = browser.texts("[data-testid=check-step]").await?;
        check(
            rows.len() == 5 && rows[4].contains("A guest can enter the meeting") && rows[4].contains("Passed"),
            format!("the join is a fifth step: {rows:?}"),
        )?;
        let joined = stack.sim.journal().iter().any(|e| e.step == simulator::journal::Step::JoinMeeting && e.status == 201);
        check(joined, "the check joined the meeting")?;
        for _ in 0..100 {
            if stack.guest_in(OPEN).is_none() {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err("the check's participant did not leave".to_owned())
    })
    .await;
}
}

/// Clicks "Copy report" and returns what went to the clipboard, once the page says
/// `copied` (its "Report copied" in the page's language).
async fn copy_report(browser: &Browser, copied: &str) -> Check<String> {
    browser
        .script("navigator.clipboard.writeText = async (text) => { window.__copied = text; }; return true")
        .await?;
    browser.click("[data-testid=copy-report]").await?;
    browser.wait_text("[data-testid=copy-status]", copied, 5).await?;
    let copied = browser.script("return window.__copied || ''").await?;
    Ok(copied.as_str().unwrap_or_default().to_owned())
}

/// Fails if `text` holds anything that looks like a token or a key.
fn no_secrets(text: &str) -> Check {
    for marker in ["psat", "Bearer", "eyJ", "secret", "cwt="] {
        check(
            !text.contains(marker),
            format!("the report holds no `{marker}`: {text}"),
        )?;
    }
    Ok(())
}

on_both_servers! { server =>
async fn a_guest_can_join_with_the_keyboard_alone() {
    run("keyboard", server, Viewport::DESKTOP, &[], async |stack, browser| {
        browser.open(&stack.app_link(OPEN)).await?;
        browser.wait_text("#screen-title", "Join", 10).await?;
        let unlabelled = browser.script("return [...document.querySelectorAll('input, textarea, select')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).length").await?;
        check(unlabelled == 0, "every field has a label")?;
        let lang = browser.script("return document.documentElement.lang").await?;
        check(lang == "en-US", format!("the page says its language: {lang}"))?;
        browser.check_contrast().await?;
        browser.check_accessibility().await?;
        let body = browser.client.find(Locator::Css("body")).await.map_err(|e| e.to_string())?;
        body.send_keys("\u{E004}").await.map_err(|e| e.to_string())?;
        let focused = browser.script("return document.activeElement.id").await?;
        check(focused == "display-name", format!("Tab reaches the name first, not {focused}"))?;
        let active = browser.client.active_element().await.map_err(|e| e.to_string())?;
        active.send_keys("Keyboard Kim\u{E007}").await.map_err(|e| e.to_string())?;
        in_meeting(browser).await?;
        browser
            .wait_script("document.activeElement.id", &Value::from("screen-title"), 5)
            .await
            .map_err(|e| format!("focus moves to the new screen's heading: {e}"))?;
        browser.check_contrast().await?;
        browser.check_accessibility().await
    }).await;
}
}

on_both_servers! { server =>
async fn the_layout_works_on_a_small_phone() {
    run("phone", server, Viewport::PHONE, &[], async move |stack, browser| {
        // clientWidth leaves out a vertical scrollbar, which is not sideways scrolling.
        let overflow = "return document.documentElement.scrollWidth - document.documentElement.clientWidth";
        browser.open(&stack.app_link(OPEN)).await?;
        browser.wait_text("#screen-title", "Join", 10).await?;
        let width = browser.script("return window.innerWidth").await?;
        check(
            width.as_i64().is_some_and(|w| w <= 400),
            format!("a phone-sized window ({width})"),
        )?;
        let extra = browser.script(overflow).await?;
        check(
            extra.as_i64() == Some(0),
            format!("no sideways scrolling on the name screen ({extra} px)"),
        )?;
        browser.type_into("#display-name", "Pocket Pat").await?;
        browser.click("[data-testid=join]").await?;
        in_meeting(browser).await?;
        chat_ready(browser).await?;
        stack
            .sim
            .say(
                OPEN,
                HOST,
                MessageBody::Plain("A long line without spaces: ".repeat(3).replace(' ', "")),
            )
            .map_err(|e| e.to_string())?;
        browser
            .wait_text("[data-testid=chat-log]", "Alonglinewithoutspaces", 10)
            .await?;
        let extra = browser.script(overflow).await?;
        check(
            extra.as_i64() == Some(0),
            format!("no sideways scrolling in the meeting ({extra} px)"),
        )?;
        browser.check_accessibility().await
    })
    .await;
}
}

/// The accessibility check can fail: an image without a text alternative is caught.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_accessibility_check_catches_a_violation() {
    run("axe-catches", Server::Strict, Viewport::DESKTOP, &[], async move |stack, browser| {
        browser.open(&stack.app_link(OPEN)).await?;
        browser.wait_text("#screen-title", "Join", 10).await?;
        browser.check_accessibility().await?;
        browser
            .script("const i = document.createElement('img'); i.src = 'data:,'; document.querySelector('main').append(i); return true")
            .await?;
        match browser.check_accessibility().await {
            Err(found) if found.contains("image-alt") => Ok(()),
            other => Err(format!("axe-core should name the image without alt text: {other:?}")),
        }
    })
    .await;
}

/// What a screen reader would hear: every new text of the page's live regions, in order.
const LISTEN: &str = r#"
    window.__heard = [];
    const live = '[aria-live]:not([aria-live="off"]), [role=status]:not([aria-live="off"]), [role=alert], [role=log]:not([aria-live="off"])';
    new MutationObserver(() => {
        for (const region of document.querySelectorAll(live)) {
            const text = region.textContent.trim();
            if (text && region.__said !== text) { region.__said = text; window.__heard.push(text); }
        }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    return true;
"#;

on_both_servers! { server =>
async fn a_screen_reader_hears_the_admission_and_each_message_once() {
    run("heard-once", server, Viewport::DESKTOP, &[], async move |stack, browser| {
        join(browser, stack, LOBBY, "Grace Hopper").await?;
        browser.wait_text("#screen-title", "Waiting to be let in", 15).await?;
        browser.script(LISTEN).await?;
        let guest = stack.guest_in(LOBBY).ok_or("the guest waits in the lobby")?;
        stack.sim.admit(LOBBY, &guest).map_err(|e| e.to_string())?;
        in_meeting(browser).await?;
        chat_ready(browser).await?;
        let chat = browser.wait("[data-testid=chat-region]", 5).await?;
        let role = chat.attr("role").await.map_err(|e| e.to_string())?;
        check(role.as_deref() == Some("log"), format!("the chat is a log: {role:?}"))?;
        stack
            .sim
            .say(LOBBY, "sam.advisor@contoso.onmicrosoft.com", MessageBody::Plain("Welcome, Grace".to_owned()))
            .map_err(|e| e.to_string())?;
        browser.wait_text("[data-testid=chat-log]", "Welcome, Grace", 10).await?;
        // Time for any second announcement to arrive.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let heard: Vec<String> = serde_json::from_value(browser.script("return window.__heard").await?)
            .map_err(|e| e.to_string())?;
        let times = |text: &str| heard.iter().filter(|h| h.contains(text)).count();
        check(times("You were let in") == 1, format!("the admission, once: {heard:#?}"))?;
        check(times("Welcome, Grace") == 1, format!("the message, once: {heard:#?}"))?;
        Ok(())
    })
    .await;
}
}

on_both_servers! { server =>
/// An Arabic name and message in the English page: each keeps its place in the line (the
/// names are `<bdi>`, the message takes its own direction, the spoken sentence isolates the
/// name), the application's culture is the page's language, and the layout mirrors when
/// the page is right-to-left.
async fn right_to_left_names_and_messages_keep_their_place() {
    run("bidi", server, Viewport::DESKTOP, &[], async move |stack, browser| {
        join(browser, stack, OPEN, "Ada").await?;
        in_meeting(browser).await?;
        chat_ready(browser).await?;
        let cultures: Vec<String> = stack.sim.applications().into_iter().map(|app| app.culture).collect();
        check(cultures == ["en-US"], format!("the culture is the page's language: {cultures:?}"))?;
        browser.script(LISTEN).await?;
        let sara = stack.sim.add_person(OPEN, "سارة أحمد", Role::Attendee).map_err(|e| e.to_string())?;
        browser.wait_text("[data-testid=roster]", "سارة أحمد", 10).await?;
        stack.sim.say(OPEN, &sara, MessageBody::Plain("مرحبا Ada، كيف حالك؟".to_owned())).map_err(|e| e.to_string())?;
        browser.wait_text("[data-testid=chat-log]", "كيف حالك", 10).await?;
        let laid_out = browser.script(
            "const names = [...document.querySelectorAll('.roster__name, .message__sender')].map(n => n.tagName);
             const text = [...document.querySelectorAll('[data-testid=message-text]')].pop();
             return [names.every(tag => tag === 'BDI'), getComputedStyle(text).direction];",
        ).await?;
        check(laid_out == serde_json::json!([true, "rtl"]), format!("names isolated, the message right-to-left: {laid_out}"))?;
        let heard: Vec<String> = serde_json::from_value(browser.script("return window.__heard").await?)
            .map_err(|e| e.to_string())?;
        check(
            heard.iter().any(|h| h.starts_with("\u{2068}سارة أحمد\u{2069} joined")),
            format!("the spoken sentence isolates the name: {heard:?}"),
        )?;
        let mirrored = browser.script(
            "document.documentElement.dir = 'rtl';
             const step = document.createElement('li'); step.className = 'steps__item';
             document.querySelector('main').append(step);
             const style = getComputedStyle(step); const sides = [style.paddingRight, style.paddingLeft];
             step.remove(); document.documentElement.dir = ''; return sides;",
        ).await?;
        check(mirrored == serde_json::json!(["32px", "0px"]), format!("right-to-left, the step marker is on the right: {mirrored}"))?;
        browser.check_accessibility().await
    }).await;
}
}

/// The message `id` in `tag`'s language, as the catalogue has it (messages without
/// variables only).
fn words(tag: &str, id: &str) -> String {
    let source = catalogue::catalogue_source(tag).expect("a built-in catalogue");
    let messages = catalogue::compile(source).expect("the catalogue compiles");
    messages[id]
        .as_str()
        .unwrap_or_else(|| panic!("{tag}: {id} is not plain text"))
        .to_owned()
}

/// Every language: the page comes in the language asked for with `?lang=`, laid out in its
/// direction, the name screen reads in it, and axe finds nothing. A guest joining in Arabic is in the meeting with Arabic words, and the
/// meeting service was told the culture `ar`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_language_is_shown_when_asked_for() {
    run("languages", Server::Strict, Viewport::PHONE, &[], async move |stack, browser| {
        for language in catalogue::LANGUAGES {
            let link = format!("{}&lang={}", stack.app_link(OPEN), language.tag);
            browser.open(&link).await?;
            browser.wait_text("[data-testid=join]", &words(language.tag, "name-join"), 10).await?;
            let page = browser.script("return [document.documentElement.lang, document.documentElement.dir || 'ltr', document.querySelector('label[for=display-name]').textContent]").await?;
            let direction = if language.right_to_left { "rtl" } else { "ltr" };
            check(
                // English is the page as built: `en-US`.
                page == serde_json::json!([
                    if language.tag == "en" { "en-US" } else { language.tag },
                    direction,
                    words(language.tag, "name-label")
                ]),
                format!("{}: {page}", language.tag),
            )?;
            browser.check_accessibility().await?;
        }
        let link = format!("{}&lang=ar", stack.app_link(OPEN));
        browser.open(&link).await?;
        browser.type_into("#display-name", "سارة").await?;
        browser.click("[data-testid=join]").await?;
        browser.wait_text("[data-testid=status]", &words("ar", "meeting-status-in"), 15).await?;
        let cultures: Vec<String> = stack.sim.applications().into_iter().map(|app| app.culture).collect();
        check(cultures == ["ar"], format!("the culture is the page's language: {cultures:?}"))?;
        browser.check_accessibility().await
    })
    .await;
}

/// A guest and a member of staff whose browser asks for Hebrew see every screen in Hebrew,
/// right to left, and axe finds nothing on any of them: the link screen with an error, the
/// lobby, the meeting with chat and people, each ending, and the staff check with its
/// advice and the report it copies.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_reads_right_to_left_in_hebrew() {
    run(
        "hebrew",
        Server::Strict,
        Viewport::PHONE,
        &[],
        async move |stack, browser| {
            let he = |id: &str| words("he", id);
            let in_hebrew = async |link: String| -> Check {
                browser.open(&link).await?;
                let page = browser
                    .script("return [document.documentElement.lang, document.documentElement.dir]")
                    .await?;
                check(
                    page == serde_json::json!(["he", "rtl"]),
                    format!("the page is Hebrew, right to left: {page}"),
                )
            };
            let mut url = stack.tier.url.clone();
            url.query_pairs_mut()
                .append_pair("lang", "he")
                .append_pair("join", "https://www.example.com/about");
            in_hebrew(url.to_string()).await?;
            browser
                .wait_text("#join-link-verdict", &he("link-error-not-a-meeting"), 10)
                .await?;
            browser.check_accessibility().await?;

            let join_as = async |meeting: &str| -> Check {
                in_hebrew(format!("{}&lang=he", stack.app_link(meeting))).await?;
                browser
                    .wait_text("[data-testid=join]", &he("name-join"), 10)
                    .await?;
                browser.type_into("#display-name", "נועה").await?;
                browser.click("[data-testid=join]").await
            };
            let ended = async |title: &str| -> Check {
                browser.wait_text("#screen-title", &he(title), 10).await?;
                browser.check_accessibility().await
            };
            join_as(LOBBY).await?;
            browser.wait_text("#screen-title", &he("lobby-title"), 15).await?;
            browser.check_accessibility().await?;
            let person = stack.guest_in(LOBBY).ok_or("the guest is not in the lobby")?;
            stack.sim.deny(LOBBY, &person).map_err(|e| e.to_string())?;
            ended("outcome-denied-title").await?;

            join_as(LOBBY).await?;
            browser.wait_text("#screen-title", &he("lobby-title"), 15).await?;
            let person = stack.guest_in(LOBBY).ok_or("the guest is not in the lobby")?;
            stack.sim.admit(LOBBY, &person).map_err(|e| e.to_string())?;
            browser
                .wait_text("[data-testid=status]", &he("meeting-status-in"), 15)
                .await?;
            let person = stack.guest_in(LOBBY).ok_or("the guest is not in the meeting")?;
            stack.sim.remove(LOBBY, &person).map_err(|e| e.to_string())?;
            ended("outcome-removed-title").await?;

            join_as(OPEN).await?;
            browser
                .wait_text("[data-testid=status]", &he("meeting-status-in"), 15)
                .await?;
            stack
                .sim
                .say(OPEN, HOST, MessageBody::Plain("שלום, במה אפשר לעזור?".to_owned()))
                .map_err(|e| e.to_string())?;
            browser
                .wait_text("[data-testid=chat-log]", "שלום, במה אפשר לעזור?", 10)
                .await?;
            browser.check_accessibility().await?;
            browser.click("[data-testid=leave]").await?;
            ended("outcome-left-title").await?;

            join_as(OPEN).await?;
            browser
                .wait_text("[data-testid=status]", &he("meeting-status-in"), 15)
                .await?;
            stack.application_parked().await?;
            stack.sim.end_meeting(OPEN).map_err(|e| e.to_string())?;
            ended("outcome-ended-title").await?;

            let mut url = stack.tier.url.clone();
            url.query_pairs_mut()
                .append_pair("check", "")
                .append_pair("lang", "he")
                .append_pair("join", &stack.join_url(OPEN).replace(OPEN, "NOSUCH99"));
            in_hebrew(url.to_string()).await?;
            // The middle tier refuses the token: the console shows that request failing.
            browser.expect_console_errors();
            browser.click("[data-testid=check]").await?;
            browser
                .wait_text("[data-testid=check-verdict]", &he("check-verdict-fails"), 15)
                .await?;
            let rows = browser.texts("[data-testid=check-step]").await?;
            check(
                rows.get(1).is_some_and(|row| {
                    row.contains(&he("check-step-guest-access"))
                        && row.contains(&he("check-advice-no-meeting"))
                        && !row.contains("What to do")
                }),
                format!("the failed step and its advice are Hebrew: {rows:?}"),
            )?;
            browser.check_accessibility().await?;
            let copied = copy_report(browser, &he("check-copied")).await?;
            check(
                copied.starts_with(&he("report-heading"))
                    && copied.contains(&he("report-verdict-fails"))
                    && copied.contains("NOSUCH99"),
                format!("the copied report is Hebrew: {copied}"),
            )?;
            no_secrets(&copied)
        },
    )
    .await;
}

/// The one animation (the current join step's pulse) stops when the device asks for less
/// motion.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reduced_motion_is_honoured() {
    run("reduced-motion", Server::Strict, Viewport::DESKTOP, &[], async move |stack, browser| {
        browser.open(&stack.app_link(OPEN)).await?;
        browser.wait_text("#screen-title", "Join", 10).await?;
        let pulse = "const step = document.createElement('li'); step.className = 'steps__item steps__item--current';
            document.querySelector('main').append(step);
            const name = getComputedStyle(step, '::before').animationName; step.remove(); return name;";
        let moving = browser.script(pulse).await?;
        check(moving == "pulse", format!("the current step pulses: {moving}"))?;
        browser.emulate_media("prefers-reduced-motion", "reduce").await?;
        let still = browser.script(pulse).await?;
        check(still == "none", format!("no pulse with reduced motion: {still}"))
    })
    .await;
}

on_both_servers! { server =>
async fn a_session_the_middle_tier_no_longer_honours_is_replaced_without_a_word() {
    run("stale-session", server, Viewport::DESKTOP, &[], async move |stack, browser| {
        browser.open(&stack.app_link(OPEN)).await?;
        browser.wait_text("#screen-title", "Join", 10).await?;
        // The tab keeps the id once the page's first token has come back.
        browser
            .wait_script(
                "Object.keys(sessionStorage).some(k => k.startsWith('guest-join.session:'))",
                &Value::Bool(true),
                10,
            )
            .await?;
        let key = browser
            .script("return Object.keys(sessionStorage).find(k => k.startsWith('guest-join.session:')) ?? null")
            .await?;
        let key = key.as_str().ok_or("the tab kept no session id")?.to_owned();
        // As after a restart of the middle tier with another session key: the tab keeps an
        // id this instance did not sign. It is changed on another page of the same origin,
        // where no app runs to write its own back.
        browser.open(&format!("{}healthz", stack.tier.url)).await?;
        let stale = browser
            .script(&format!(
                "const id = sessionStorage.getItem({key:?});
                 const stale = id.slice(0, -2) + (id.endsWith('AA') ? 'QQ' : 'AA');
                 sessionStorage.setItem({key:?}, stale);
                 return stale;"
            ))
            .await?;
        let stale = stale.as_str().ok_or("no session id to change")?.to_owned();
        // The refused token request shows in the console, as a failed request does.
        browser.expect_console_errors();
        browser.open(&stack.app_link(OPEN)).await?;
        browser.wait_text("#screen-title", "Join", 10).await?;
        browser.type_into("#display-name", "Ada").await?;
        browser.click("[data-testid=join]").await?;
        in_meeting(browser).await?;
        let kept = browser.script(&format!("return sessionStorage.getItem({key:?})")).await?;
        check(
            kept.as_str().is_some_and(|id| id != stale),
            "the tab keeps the new session instead",
        )
    })
    .await;
}
}
