//! Property tests over generated input: links, dates, hrefs, data URIs, HTML, and the join
//! machine under arbitrary server behaviour.

mod support;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use protocol::date::{self, Timestamp, WireDate};
use protocol::join::{Input, Phase};
use protocol::join_link::{self, JoinLink, MeetingHosts};
use protocol::links::Href;
use protocol::{Url, data_uri, html};

fn segment() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9._-]{0,15}"
}

fn meeting_id() -> impl Strategy<Value = String> {
    "[A-Z0-9]{8}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn online_links_classify_with_their_parts(
        tenant in segment(),
        organizer in segment(),
        id in meeting_id(),
        query in proptest::option::of("[a-z]{1,4}=[a-z0-9]{1,4}"),
        wrap in 0usize..4,
    ) {
        let mut link = format!("https://meet.lync.com/{tenant}/{organizer}/{id}");
        if let Some(query) = &query {
            link = format!("{link}?{query}");
        }
        let pasted = match wrap {
            0 => link.clone(),
            1 => format!("  {link}\n"),
            2 => format!("<{link}>"),
            _ => format!("\"{link}\"."),
        };
        let classified = join_link::classify(&pasted, &MeetingHosts::new());
        let Ok(JoinLink::Online(meeting)) = classified else {
            return Err(TestCaseError::fail(format!("{pasted:?} → {classified:?}")));
        };
        prop_assert_eq!(meeting.meeting_id, id);
        prop_assert_eq!(meeting.tenant, tenant);
        prop_assert_eq!(meeting.organizer, organizer);
        prop_assert!(meeting.url.query().is_none());
    }

    #[test]
    fn conference_uris_round_trip(user in "[a-z][a-z0-9.]{0,12}", domain in "[a-z]{2,10}\\.(com|org|net)", id in meeting_id()) {
        let uri = format!("sip:{user}@{domain};gruu;opaque=app:conf:focus:id:{id}");
        let parsed = join_link::parse_conference_uri(&uri).expect("parses");
        prop_assert_eq!(parsed.to_string(), uri);
    }

    #[test]
    fn classifying_anything_never_panics(text in ".{0,300}") {
        let _ = join_link::classify(&text, &MeetingHosts::new().with_host("127.0.0.1:8444"));
    }

    #[test]
    fn dates_round_trip_in_both_formats(millis in -62_135_596_800_000i64..253_402_300_799_999i64) {
        let at = Timestamp::from_millis(millis);
        prop_assert_eq!(date::parse(&at.to_iso8601()), Ok(at));
        prop_assert_eq!(date::parse(&at.to_ajax()), Ok(at));
        let escaped = format!("\\/Date({millis})\\/");
        prop_assert_eq!(WireDate::parse(&escaped).map(|d| d.at()), Ok(at));
    }

    #[test]
    fn parsing_dates_never_panics(text in ".{0,40}") {
        let _ = date::parse(&text);
    }

    #[test]
    fn literal_escaped_ampersands_resolve_like_real_ones(
        path in "/[a-z]{1,8}(/[a-z0-9]{1,8}){0,3}",
        pairs in proptest::collection::vec(("[a-z]{1,5}", "[A-Za-z0-9]{1,8}"), 1..4),
        host in "[a-z]{3,10}\\.example",
    ) {
        let base = Url::parse(&format!("https://{host}:4443/base/resource")).expect("base");
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let plain = Href::new(format!("{path}?{}", query.join("&")));
        let quirky = Href::new(format!("{path}?{}", query.join("\\u0026")));
        let resolved = plain.resolve(&base).expect("resolves");
        prop_assert_eq!(quirky.resolve(&base).expect("resolves"), resolved.clone());
        prop_assert_eq!(resolved.host_str(), Some(host.as_str()));
        prop_assert_eq!(resolved.path(), path.as_str());
    }

    #[test]
    fn absolute_hrefs_ignore_the_base(host in "[a-z]{3,10}\\.example", path in "/[a-z]{1,8}") {
        let href = Href::new(format!("https://{host}{path}"));
        let base = Url::parse("https://other.example:4443/x/y").expect("base");
        let resolved = href.resolve(&base).expect("resolves");
        prop_assert_eq!(resolved.host_str(), Some(host.as_str()));
        prop_assert_eq!(resolved.port(), None);
    }

    #[test]
    fn data_uris_round_trip_any_text(text in "\\PC{0,200}") {
        let encoded = data_uri::encode("text/plain", &text);
        prop_assert!(!encoded[5..].contains(' '));
        prop_assert_eq!(data_uri::decode(&encoded).expect("decodes").text, text);
    }

    #[test]
    fn html_keeps_words_and_drops_tags_attributes_and_scripts(
        parts in proptest::collection::vec(("[a-z]{1,8}", 0usize..6), 1..12),
    ) {
        const TAGS: [&str; 6] = [
            "<b>",
            "</b>",
            "<span style=\"color:red\" title='a > b' onclick=\"alert(1)\">",
            "<script>evil(1)</script>",
            "<img src=x onerror=alert(2)>",
            "<style>p { color: red }</style>",
        ];
        let markup: Vec<String> = parts.iter().map(|(word, tag)| format!("{word} {}", TAGS[*tag])).collect();
        let text = html::to_text(&markup.join(" "));
        let words: Vec<&str> = parts.iter().map(|(word, _)| word.as_str()).collect();
        prop_assert_eq!(text, words.join(" "));
    }

    #[test]
    fn any_message_splits_into_pieces_that_put_together_are_the_message(
        message in "(.{0,40}|https?://[A-Za-z0-9.-]{1,20}(/[^ ]{0,20})?[.,)!]?){0,6}",
    ) {
        let pieces = protocol::text_links::pieces(&message);
        let joined: String = pieces
            .iter()
            .map(|piece| match piece {
                protocol::text_links::Piece::Text(text) | protocol::text_links::Piece::Link { text, .. } => text.as_str(),
            })
            .collect();
        prop_assert_eq!(joined, message);
        for piece in pieces {
            if let protocol::text_links::Piece::Link { url, .. } = piece {
                prop_assert!(matches!(url.scheme(), "http" | "https"));
            }
        }
    }

    #[test]
    fn html_of_anything_never_panics(markup in ".{0,300}") {
        let _ = html::to_text(&markup);
    }
}

proptest! {
    // Cheap (a few hundred microseconds a case) and the only net under rare interleavings.
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// Whatever the servers answer, in whatever order, the machine neither panics nor
    /// parks more than one event poll, and a chosen leave always ends it.
    #[test]
    fn the_join_machine_survives_arbitrary_answers(
        script in proptest::collection::vec((0u8..6, 0usize..8, 0u8..5), 1..60),
    ) {
        survive(&script)?;
    }

    /// The same on premises, where the sign-in's steps come first.
    #[cfg(feature = "on-premises")]
    #[test]
    fn the_on_premises_join_survives_arbitrary_answers(
        script in proptest::collection::vec((0u8..6, 0usize..8, 0u8..5), 1..60),
    ) {
        survive_with(support::Harness::with(support::on_premises_config()), &script)?;
    }
}

/// One step of a server script: what happens (0..6), to which request in flight, with
/// which answer (0..5).
type Step = (u8, usize, u8);

/// Drives the join machine through `script` and then leaves.
fn survive(script: &[Step]) -> Result<(), TestCaseError> {
    survive_with(support::Harness::new(), script)
}

/// A plausible answer from the on-premises server to the request at `path`.
fn on_premises_answer(h: &mut support::Harness, id: protocol::join::RequestId, path: &str) {
    let pool = "https://lyncweb.contoso.com";
    let json = |value: serde_json::Value| serde_json::to_vec(&value).expect("json");
    let signed = h.request(id).headers().contains_key("authorization");
    if path == "/" {
        let links = serde_json::json!({"_links": {
            "user": {"href": format!("{pool}/Autodiscover/AutodiscoverService.svc/root/oauth/user")},
            "xframe": {"href": format!("{pool}/Autodiscover/XFrame/XFrame.html")},
        }});
        h.respond_raw(id, 200, &[], json(links));
    } else if path.ends_with("/oauth/user") && !signed {
        let challenge = format!(
            "MsRtcOAuth href=\"{pool}/WebTicket/oauthtoken\",grant_type=\"urn:microsoft.rtc:anonmeeting\""
        );
        h.respond_raw(id, 401, &[("www-authenticate", &challenge)], Vec::new());
    } else if path.ends_with("/oauth/user") {
        let links = serde_json::json!({"_links": {"applications": {"href": format!("{pool}/ucwa/oauth/v1/applications")}}});
        h.respond_raw(id, 200, &[], json(links));
    } else if path.ends_with("/oauthtoken") {
        let ticket =
            serde_json::json!({"access_token": "cwt=AAEB", "token_type": "Bearer", "expires_in": 3600});
        h.respond_raw(id, 200, &[], json(ticket));
    } else if path.ends_with("/applications") {
        h.respond(id, 201, &support::application_body("1"));
    } else if path.ends_with("/events") {
        h.deliver(support::join_without_lobby("op-1"));
    } else {
        h.respond_raw(id, 201, &[], Vec::new());
    }
}

/// Drives `h`'s join machine through `script` and then leaves.
fn survive_with(mut h: support::Harness, script: &[Step]) -> Result<(), TestCaseError> {
    h.machine.join("Ada").expect("join");
    h.drain();
    for &(action, pick, body) in script {
        let ids: Vec<_> = h.in_flight.keys().copied().collect();
        let id = ids.get(pick % ids.len().max(1)).copied();
        match (action, id) {
            (0, Some(id)) => h.fail_transport(id),
            (1, _) => h.fire_timers(),
            (2, Some(id)) => h.respond(
                id,
                [200, 201, 401, 404, 410][usize::from(body)],
                &serde_json::json!({"code": "X"}),
            ),
            (3, Some(id)) => {
                let status = [500, 503, 409, 403, 204][usize::from(body)];
                h.respond(
                    id,
                    status,
                    &serde_json::json!({"code": "Conflict", "subcode": "PGetReplaced"}),
                );
            }
            (4, Some(id)) => {
                // A plausible answer to whatever the request was.
                let path = h.request(id).uri().path().to_owned();
                let host = h.request(id).uri().host().unwrap_or_default().to_owned();
                if host.ends_with("contoso.com") {
                    on_premises_answer(&mut h, id, &path);
                } else if path.ends_with("guest-token") {
                    h.give_token()
                } else if path.ends_with("discover") {
                    h.give_discover()
                } else if path.ends_with("/applications") {
                    h.give_application()
                } else if path.ends_with("/events") {
                    h.deliver(support::join_without_lobby("op-1"));
                } else {
                    h.respond_raw(id, 201, &[], Vec::new())
                }
            }
            (5, _) => {
                let _ = h.machine.handle(
                    Input::TimerFired {
                        id: protocol::join::TimerId(999_999),
                    },
                    h.now,
                );
            }
            _ => {}
        }
    }
    if !matches!(h.machine.phase(), Phase::Over(_)) {
        h.machine
            .leave()
            .expect("leave is always possible before the end");
        h.drain();
        for id in h.in_flight.keys().copied().collect::<Vec<_>>() {
            h.respond_raw(id, 204, &[], Vec::new());
        }
        prop_assert!(
            matches!(h.machine.phase(), Phase::Over(_)),
            "{:?}",
            h.machine.phase()
        );
    }
    Ok(())
}

/// CI's shrunk counter-example: the application is lost (a 404 on the event channel) while
/// the token is being renewed, and the renewal's answer replayed the meeting invitation.
#[test]
fn a_token_renewed_after_the_application_was_lost_does_not_replay_the_join() {
    let script = [
        (4, 0, 0),
        (4, 0, 0),
        (1, 0, 0),
        (4, 0, 0),
        (4, 3, 0),
        (2, 5, 2),
        (0, 1, 0),
        (4, 0, 0),
        (0, 5, 0),
        (2, 0, 3),
        (1, 0, 0),
        (4, 1, 0),
    ];
    survive(&script).expect("survives");
}

/// A shrunk counter-example: a token renewal lands while the discover waits to be retried;
/// two discovers went out and made two applications, each with its event poll.
#[test]
fn a_token_renewed_while_discover_waits_to_retry_makes_one_application() {
    let script = [
        (4, 0, 0),
        (0, 0, 0),
        (1, 0, 0),
        (4, 2, 0),
        (4, 0, 0),
        (4, 1, 0),
        (4, 3, 0),
        (3, 0, 3),
        (4, 1, 0),
    ];
    survive(&script).expect("survives");
}
