//! A guest in headless Chromium, as a customer would be: from an invitation link into the
//! meeting, through the lobby, chatting, and out again.

use e2e::browser::{Check, Viewport, run};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guest_joins_a_meeting_without_a_lobby() {
    run(
        "join-open",
        Viewport::DESKTOP,
        &[],
        Box::new(|stack, browser| {
            Box::pin(async move {
                browser.open(&stack.app_link("OPEN2024")).await?;
                browser.wait_text("#screen-title", "Join", 10).await?;
                browser.type_into("#display-name", "Ada Lovelace").await?;
                browser.click("[data-testid=join]").await?;
                browser
                    .wait_text("[data-testid=status]", "You're in the meeting", 15)
                    .await?;
                browser.wait_text("#screen-title", "Open Q&A", 5).await?;
                let people = browser.texts("[data-testid=participant]").await?;
                check(
                    people.iter().any(|p| p.contains("Riley (Host)")),
                    format!("the organizer is listed: {people:?}"),
                )?;
                check(
                    people.iter().any(|p| p.contains("Jordan Lee")),
                    format!("the other participant is listed: {people:?}"),
                )?;
                Ok(())
            })
        }),
    )
    .await;
}

fn check(ok: bool, what: String) -> Check {
    if ok { Ok(()) } else { Err(what) }
}
