//! The on-premises server, driven with the protocol crate's on-premises readers and
//! builders over loopback: autodiscovery, the `user` challenge, the anonymous web ticket
//! and its renewal, the application and the join, and the documented refusals, strict and
//! with every quirk.

mod support;

use http::Method;
use protocol::join::{Delivery, Ending, JoinFailure, MessageDirection, Phase};
use protocol::join_link::parse_conference_uri;
use protocol::links::Href;
use protocol::on_premises::{
    self, Next, SignIn, User, WebTicketError, WebTicketService, read_root, read_user, read_web_ticket,
    web_ticket_request,
};
use protocol::ucwa::resources::MessageBody;
use protocol::{HttpRequest, Secret, Url};
use serde_json::{Value, json};
use simulator::Simulator;
use simulator::config::{MeetingConfig, OnPremisesConfig, Quirks, TenantConfig, Timers};
use std::time::Duration;
use support::{Driver, OPEN, client, now, send};

const ON_PREMISES_TENANT: &str = "22222222-3333-4444-5555-666666666666";
const MEETING: &str = "BW9Z1MJD";
const LISTED: &str = "https://bank.example";

/// An on-premises meeting with a lobby.
const LOBBY_MEETING: &str = "LOBBY7Q3";

async fn start(quirks: Quirks) -> Simulator {
    start_with(quirks, Timers::default(), false).await
}

/// A simulator whose on-premises server (`contoso.com`, which lists [`LISTED`]) hosts
/// [`MEETING`] and [`LOBBY_MEETING`], set up further by `topology`.
fn server(topology: impl FnOnce(&mut OnPremisesConfig)) -> simulator::config::SimConfig {
    let mut config = support::config();
    config.tenants.push(TenantConfig {
        id: ON_PREMISES_TENANT.to_owned(),
        domain: "contoso.com".to_owned(),
        name: "contoso-server".to_owned(),
    });
    for (id, subject, access_level) in [
        (MEETING, "Account review", protocol::taapi::AccessLevel::Everyone),
        (LOBBY_MEETING, "Loan advice", protocol::taapi::AccessLevel::Locked),
    ] {
        config.meetings.push(MeetingConfig {
            id: id.to_owned(),
            tenant: ON_PREMISES_TENANT.to_owned(),
            organizer: "john".to_owned(),
            organizer_name: "John Doe".to_owned(),
            subject: subject.to_owned(),
            access_level,
            organizer_present: true,
            participants: Vec::new(),
            dial_in: None,
        });
    }
    config.on_premises = OnPremisesConfig {
        sip_domain: Some("contoso.com".to_owned()),
        cross_domain_authorization_list: vec![LISTED.to_owned()],
        ..OnPremisesConfig::default()
    };
    topology(&mut config.on_premises);
    config
}

/// [`server`] with `quirks`, the web tickets' lifetime of `timers`, and guests'
/// applications on a second pool when `split_domain`.
async fn start_with(quirks: Quirks, timers: Timers, split_domain: bool) -> Simulator {
    let mut config = server(|on_premises| on_premises.split_domain = split_domain);
    config.quirks = quirks;
    config.timers = Timers {
        web_ticket_secs: timers.web_ticket_secs,
        ..config.timers
    };
    Simulator::start(config).await.expect("simulator starts")
}

fn with_header(mut request: HttpRequest, name: &'static str, value: &str) -> HttpRequest {
    request
        .headers_mut()
        .insert(name, value.parse().expect("a header value"));
    request
}

/// The sign-in machine over loopback: an internal root that does not answer, the
/// external one, the challenge, a ticket, and `user` with it; then the application and
/// the join with the renewed ticket.
async fn signs_in(quirks: Quirks) {
    let sim = start(quirks).await;
    let client = client();
    let conference =
        parse_conference_uri(&sim.conference_uri(MEETING).expect("the meeting")).expect("a conference");
    let signed_in = signed_in(&sim, &client).await;
    let (ticket, applications) = (&signed_in.ticket, signed_in.applications.clone());
    assert!(ticket.access_token.expose().starts_with("cwt="));
    assert_eq!(ticket.expires_in, 3600);
    // The pool's frame carries the requests to its applications.
    assert!(
        on_premises::frame_for(&signed_in.frames, &applications)
            .is_some_and(|x| x.path().ends_with("/XFrame.html"))
    );
    assert!(on_premises::ticket_covers(&signed_in.service.href, &applications));
    let identity = sim
        .web_ticket_identity(ticket.access_token.expose())
        .expect("the ticket is live");

    // Renewing keeps the same anonymous identity for the rest of the meeting.
    let service = signed_in.service.clone();
    let renewal = signed_in.renewal(&conference).expect("request");
    let renewed = read_web_ticket(&send(&client, &renewal).await.expect("answers")).expect("a renewal");
    assert_ne!(renewed.access_token, ticket.access_token);
    assert_eq!(
        sim.web_ticket_identity(renewed.access_token.expose()),
        Some(identity)
    );

    // The application, the event channel and the join (§3.6, §3.8), with the renewed
    // ticket: the same guest.
    let token = &renewed.access_token;
    let create = json_request(
        Method::POST,
        &applications,
        token,
        &json!({"UserAgent": "guest-join test", "EndpointId": "7c1f3a2e", "Culture": "en-US"}),
    );
    let created = send(&client, &create).await.expect("answers");
    assert_eq!(
        created.status(),
        201,
        "{}",
        String::from_utf8_lossy(created.body())
    );
    let application: Value = serde_json::from_slice(created.body()).expect("the application");
    let link = |path: &str| {
        let href = application.pointer(path).and_then(Value::as_str).expect(path);
        Href::new(href).resolve(&applications).expect("an href")
    };
    let (app_url, mut events) = (link("/_links/self/href"), link("/_links/events/href"));
    let join = link("/_embedded/communication/_links/joinOnlineMeeting/href");
    let joined = send(
        &client,
        &json_request(
            Method::POST,
            &join,
            token,
            &json!({"anonymousDisplayName": "Robin", "onlineMeetingUri": conference.to_string(), "operationId": "op-1"}),
        ),
    )
    .await
    .expect("answers");
    assert_eq!(joined.status(), 201, "{}", String::from_utf8_lossy(joined.body()));
    let mut outcome = None;
    for _ in 0..10 {
        let polled = send(&client, &on_premises::get(&events, Some(token)).expect("request"))
            .await
            .expect("answers");
        assert_eq!(polled.status(), 200);
        let body: Value = serde_json::from_slice(polled.body()).expect("events");
        outcome = outcome.or_else(|| invitation_completed(&body));
        if outcome.is_some() {
            break;
        }
        let next = body
            .pointer("/_links/next/href")
            .and_then(Value::as_str)
            .expect("next");
        events = Href::new(next).resolve(&app_url).expect("an href");
    }
    assert_eq!(outcome.as_deref(), Some("Success"));
    assert!(sim.guests_in(MEETING).iter().any(|guest| guest.name == "Robin"));

    // What an anonymous user may not do; a ticket of another guest.
    let report = json_request(
        Method::POST,
        &app_url
            .join(&format!("{}/reportMyActivity", app_url.path()))
            .expect("url"),
        token,
        &json!({}),
    );
    let refused = send(&client, &report).await.expect("answers");
    assert_eq!(refused.status(), 403);
    assert!(String::from_utf8_lossy(refused.body()).contains("AnonymousNotAllowed"));
    let stranger = read_web_ticket(
        &send(
            &client,
            &web_ticket_request(&service, &conference, None).expect("request"),
        )
        .await
        .expect("answers"),
    )
    .expect("a ticket");
    let theirs = send(
        &client,
        &on_premises::get(&app_url, Some(&stranger.access_token)).expect("request"),
    )
    .await
    .expect("answers");
    assert_eq!(theirs.status(), 403);
    let without = send(&client, &on_premises::get(&app_url, None).expect("request"))
        .await
        .expect("answers");
    assert!(matches!(read_user(&without, &app_url), Ok(User::Challenge(_))));
    sim.shutdown().await;
}

fn json_request(method: Method, url: &Url, token: &Secret, body: &Value) -> HttpRequest {
    protocol::http_util::json(method, url, Some(token), body).expect("request")
}

/// The `status` of a completed `onlineMeetingInvitation` among the events of `body`.
fn invitation_completed(body: &Value) -> Option<String> {
    body.get("sender")?
        .as_array()?
        .iter()
        .flat_map(|sender| {
            sender
                .get("events")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
        })
        .find(|event| {
            event.get("type").and_then(Value::as_str) == Some("completed")
                && event.pointer("/link/rel").and_then(Value::as_str) == Some("onlineMeetingInvitation")
        })
        .and_then(|event| event.get("status").and_then(Value::as_str).map(str::to_owned))
}

#[tokio::test]
async fn a_guest_signs_in_to_the_meeting_server_strict() {
    signs_in(Quirks::strict()).await;
}

#[tokio::test]
async fn a_guest_signs_in_to_the_meeting_server_with_every_quirk() {
    signs_in(Quirks::all()).await;
}

/// Asks for a ticket to the meeting at `uri` with `key` as its `password`.
async fn ticket_answer(
    client: &reqwest::Client,
    service: &WebTicketService,
    uri: &str,
    key: &str,
    renew: Option<&Secret>,
) -> Result<on_premises::WebTicket, WebTicketError> {
    let mut pairs = vec![
        ("grant_type", on_premises::ANONYMOUS_GRANT),
        ("password", key),
        ("ms_rtc_conferenceuri", uri),
    ];
    if let Some(ticket) = renew {
        pairs.push(("ms_rtc_renew", ticket.expose()));
    }
    let request = protocol::http_util::form(&service.href, &pairs).expect("request");
    read_web_ticket(&send(client, &request).await.expect("answers"))
}

fn refused(answer: Result<on_premises::WebTicket, WebTicketError>) -> (String, Option<String>) {
    match answer {
        Err(WebTicketError::Refused(refusal)) => {
            assert_eq!(refusal.status, 400);
            (refusal.error, refusal.reason)
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// protocol.md §3.4's refusals, §5.2's refused origin, and tickets that do not cover.
#[tokio::test]
async fn the_server_refuses_as_documented() {
    let sim = start(Quirks::strict()).await;
    let client = client();
    let service = WebTicketService {
        href: sim.hosts().pool.join("WebTicket/oauthtoken").expect("url"),
        grant_types: vec![on_premises::ANONYMOUS_GRANT.to_owned()],
    };
    let uri = sim.conference_uri(MEETING).expect("the meeting");
    let (error, _) = refused(ticket_answer(&client, &service, &uri, "WRONGKEY", None).await);
    assert_eq!(error, "invalid_grant");
    // An online meeting is not this server's.
    let online = sim.conference_uri(OPEN).expect("an online meeting");
    let (error, _) = refused(ticket_answer(&client, &service, &online, OPEN, None).await);
    assert_eq!(error, "invalid_grant");
    // Renewing with a ticket never issued.
    let forged = Secret::new("cwt=forged");
    let (error, reason) = refused(ticket_answer(&client, &service, &uri, MEETING, Some(&forged)).await);
    assert_eq!(
        (error.as_str(), reason.as_deref()),
        ("invalid_grant", Some("No valid security token."))
    );
    // The key in the URI is the conference's, exactly: in another case it is another key.
    let lower_key = uri.replace(MEETING, &MEETING.to_ascii_lowercase());
    let (error, _) = refused(ticket_answer(&client, &service, &lower_key, MEETING, None).await);
    assert_eq!(error, "invalid_grant");
    // A ticket is scoped to its pool (§3.5): the second pool does not renew the first's.
    let first = ticket_answer(&client, &service, &uri, MEETING, None)
        .await
        .expect("a ticket");
    let second_pool = WebTicketService {
        href: sim.hosts().pool2.join("WebTicket/oauthtoken").expect("url"),
        ..service.clone()
    };
    let (error, _) =
        refused(ticket_answer(&client, &second_pool, &uri, MEETING, Some(&first.access_token)).await);
    assert_eq!(error, "invalid_grant");

    let password = protocol::http_util::form(
        &service.href,
        &[("grant_type", "password"), ("username", "a"), ("password", "b")],
    )
    .expect("request");
    let (error, reason) = refused(read_web_ticket(&send(&client, &password).await.expect("answers")));
    assert_eq!(
        (error.as_str(), reason.as_deref()),
        ("unsupported_grant_type", Some("Authentication type not allowed."))
    );
    let json = protocol::http_util::json(
        Method::POST,
        &service.href,
        None,
        &serde_json::json!({"grant_type": on_premises::ANONYMOUS_GRANT}),
    )
    .expect("request");
    let (error, _) = refused(read_web_ticket(&send(&client, &json).await.expect("answers")));
    assert_eq!(error, "invalid_request");

    // A browser page on an origin the server does not list is refused, directly or
    // through the XFrame; a listed one is served.
    let root_url = sim.hosts().lyncdiscover.clone();
    for header in ["origin", "x-ms-origin"] {
        let request = with_header(
            on_premises::get(&root_url, None).expect("request"),
            header,
            "https://elsewhere.example",
        );
        let answer = send(&client, &request).await.expect("answers");
        assert_eq!(answer.status(), 403, "{header}");
        let reason = answer
            .headers()
            .get("x-ms-diagnostics")
            .and_then(|v| v.to_str().ok())
            .and_then(protocol::join::diagnostics_reason);
        assert_eq!(
            reason.as_deref(),
            Some("Service does not allow a cross domain request from this origin.")
        );
    }
    let listed = with_header(
        on_premises::get(&root_url, None).expect("request"),
        "origin",
        LISTED,
    );
    assert!(read_root(&send(&client, &listed).await.expect("answers"), &root_url).is_ok());

    // A ticket is good only on the pool that issued it, and not once forged.
    let user: Url = sim
        .hosts()
        .pool
        .join("Autodiscover/AutodiscoverService.svc/root/oauth/user")
        .expect("url");
    let forged_user = send(&client, &on_premises::get(&user, Some(&forged)).expect("request"))
        .await
        .expect("answers");
    assert!(matches!(read_user(&forged_user, &user), Ok(User::Challenge(_))));
    sim.shutdown().await;
}

/// Signs in to [`MEETING`] with the sign-in machine, through [`roots`].
async fn signed_in(sim: &Simulator, client: &reqwest::Client) -> on_premises::SignedIn {
    let conference =
        parse_conference_uri(&sim.conference_uri(MEETING).expect("the meeting")).expect("a conference");
    let (mut sign_in, mut request) = SignIn::start(conference, roots(sim), Vec::new()).expect("starts");
    loop {
        let answer = send(client, &request).await.ok();
        match sign_in.on_response(answer.as_ref()).expect("signs in") {
            Next::Send(next) => request = next,
            Next::Done(signed_in) => return signed_in,
        }
    }
}

/// A first ticket for the meeting from the web-ticket service of `pool`.
async fn signed_in_at(sim: &Simulator, client: &reqwest::Client, pool: &Url) -> on_premises::WebTicket {
    let service = WebTicketService {
        href: pool.join("WebTicket/oauthtoken").expect("url"),
        grant_types: vec![on_premises::ANONYMOUS_GRANT.to_owned()],
    };
    let uri = sim.conference_uri(MEETING).expect("the meeting");
    ticket_answer(client, &service, &uri, MEETING, None)
        .await
        .expect("a ticket")
}

/// §3.6: an `endpointId` is unique among the user's running applications; once the first
/// application is gone, it may be used again.
#[tokio::test]
async fn an_endpoint_id_is_one_running_application() {
    let sim = start(Quirks::strict()).await;
    let client = client();
    let signed_in = signed_in(&sim, &client).await;
    let token = &signed_in.ticket.access_token;
    let create = || {
        json_request(
            Method::POST,
            &signed_in.applications,
            token,
            &json!({"userAgent": "guest-join test", "endpointId": "7c1f3a2e", "culture": "en-US"}),
        )
    };
    let first = send(&client, &create()).await.expect("answers");
    assert_eq!(first.status(), 201);
    let application: Value = serde_json::from_slice(first.body()).expect("the application");
    assert_eq!(application["endpointId"], "7c1f3a2e");
    let again = send(&client, &create()).await.expect("answers");
    assert_eq!(again.status(), 409);
    assert!(String::from_utf8_lossy(again.body()).contains("AlreadyExists"));
    let location = first.headers()["location"].to_str().expect("text");
    let app_url = Href::new(location)
        .resolve(&signed_in.applications)
        .expect("an href");
    let deleted = send(
        &client,
        &protocol::http_util::empty(Method::DELETE, &app_url, Some(token)).expect("request"),
    )
    .await
    .expect("answers");
    assert_eq!(deleted.status(), 204);
    assert_eq!(send(&client, &create()).await.expect("answers").status(), 201);
    sim.shutdown().await;
}

/// An autodiscovery root that does not answer (a closed loopback port), then the
/// simulator's.
fn roots(sim: &Simulator) -> Vec<Url> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let closed = Url::parse(&format!("http://{}/", listener.local_addr().expect("an address"))).expect("url");
    vec![closed, sim.hosts().lyncdiscover.clone()]
}

/// The join machine on premises: sign-in, application, join without a lobby, chat both
/// ways, a ticket renewed part way (its lifetime shortened) as the same guest, and leaving.
async fn joins_and_chats(quirks: Quirks) {
    let sim = start_with(
        quirks,
        Timers {
            // The driver compresses timers tenfold: the renewal, five minutes before the
            // end, comes after about three seconds.
            web_ticket_secs: 330,
            ..Timers::default()
        },
        false,
    )
    .await;
    let mut guest = Driver::on_premises(&sim, MEETING, roots(&sim), LISTED);
    guest.join("Robin").await;
    assert!(
        matches!(guest.machine.phase(), Phase::InMeeting { .. }),
        "{:?}",
        guest.machine.phase()
    );
    assert_eq!(guest.machine.subject(), Some("Account review"));
    let person = sim
        .guests_in(MEETING)
        .into_iter()
        .find(|p| p.name == "Robin")
        .expect("the guest is in");

    guest.until_chat().await;
    guest
        .machine
        .send_message("Hello from the branch", now())
        .expect("send");
    guest
        .run_until("delivery", Duration::from_secs(10), |m| {
            m.messages().iter().any(|x| x.delivery == Delivery::Sent)
        })
        .await;
    sim.say(
        MEETING,
        "john@contoso.com",
        MessageBody::Plain("Welcome, Robin".to_owned()),
    )
    .expect("the organizer speaks");
    guest
        .run_until("a reply", Duration::from_secs(10), |m| {
            m.messages()
                .iter()
                .any(|x| x.direction == MessageDirection::Incoming && x.text == "Welcome, Robin")
        })
        .await;

    let tickets = |sim: &Simulator| {
        sim.journal()
            .iter()
            .filter(|e| e.step == simulator::journal::Step::WebTicket)
            .count()
    };
    assert_eq!(tickets(&sim), 1);
    guest
        .run_until("a renewed ticket", Duration::from_secs(15), |_| {
            tickets(&sim) >= 2
        })
        .await;
    guest.run_for(Duration::from_millis(500)).await;
    assert!(matches!(guest.machine.phase(), Phase::InMeeting { .. }));
    assert_eq!(
        sim.guests_in(MEETING)
            .into_iter()
            .filter(|p| p.name == "Robin")
            .map(|p| p.id)
            .collect::<Vec<_>>(),
        [person.id],
        "the same guest, once"
    );
    guest.machine.leave().expect("leave");
    assert_eq!(guest.until_over().await, Ending::Left);
    sim.shutdown().await;
}

#[tokio::test]
async fn the_join_machine_joins_on_premises_strict() {
    joins_and_chats(Quirks::strict()).await;
}

#[tokio::test]
async fn the_join_machine_joins_on_premises_with_every_quirk() {
    joins_and_chats(Quirks::all()).await;
}

/// The lobby and an ending on premises; a refused website and a meeting the server does
/// not host end with their own failures.
#[tokio::test]
async fn on_premises_lobby_endings_and_refusals() {
    let sim = start(Quirks::strict()).await;
    let mut guest = Driver::on_premises(&sim, LOBBY_MEETING, roots(&sim), LISTED);
    guest.join("Robin").await;
    assert!(
        matches!(guest.machine.phase(), Phase::Lobby { .. }),
        "{:?}",
        guest.machine.phase()
    );
    let waiting = sim
        .lobby(LOBBY_MEETING)
        .into_iter()
        .next()
        .expect("someone waits");
    sim.admit(LOBBY_MEETING, &waiting.id).expect("admitted");
    guest.until_in_meeting().await;
    sim.end_meeting(LOBBY_MEETING).expect("ended");
    assert_eq!(guest.until_over().await, Ending::MeetingEnded);

    let mut stranger = Driver::on_premises(&sim, MEETING, roots(&sim), "https://elsewhere.example");
    stranger.join("Mallory").await;
    assert_eq!(
        stranger.until_over().await,
        Ending::Failed(JoinFailure::OriginNotAllowed)
    );

    // An online meeting's conference is not this server's: its web ticket is refused.
    let mut lost = Driver::on_premises(&sim, OPEN, roots(&sim), LISTED);
    lost.join("Robin").await;
    assert_eq!(
        lost.until_over().await,
        Ending::Failed(JoinFailure::MeetingNotFound)
    );
    sim.shutdown().await;
}

/// A split domain (protocol.md §3.5): the applications link is on a second pool, whose
/// first answer is a `401` naming its own web-ticket service; the machine gets a ticket
/// there and joins, and the first pool's ticket never goes to the second.
#[tokio::test]
async fn a_split_domain_gets_a_second_ticket_from_the_second_pool() {
    let sim = start_with(Quirks::strict(), Timers::default(), true).await;
    let mut guest = Driver::on_premises(&sim, MEETING, roots(&sim), LISTED);
    guest.join("Robin").await;
    assert!(
        matches!(guest.machine.phase(), Phase::InMeeting { .. }),
        "{:?}",
        guest.machine.phase()
    );
    let pool2 = sim.hosts().pool2.port().expect("a port");
    let journal = sim.journal();
    let tickets: Vec<_> = journal
        .iter()
        .filter(|e| e.step == simulator::journal::Step::WebTicket && e.status == 200)
        .map(|e| e.host)
        .collect();
    assert_eq!(
        tickets,
        [
            simulator::journal::HostName::Pool,
            simulator::journal::HostName::Pool2
        ],
        "a ticket from each pool"
    );
    let created = journal
        .iter()
        .filter(|e| e.step == simulator::journal::Step::CreateApplication)
        .map(|e| (e.host, e.status))
        .collect::<Vec<_>>();
    assert_eq!(
        created,
        [
            (simulator::journal::HostName::Pool2, 401),
            (simulator::journal::HostName::Pool2, 201)
        ],
        "port {pool2}"
    );
    // The first pool has no applications in a split domain (§3.5), even for its own ticket.
    let client = client();
    let first_pool = signed_in_at(&sim, &client, &sim.hosts().pool).await;
    let elsewhere = json_request(
        Method::POST,
        &sim.hosts().pool.join("ucwa/oauth/v1/applications").expect("url"),
        &first_pool.access_token,
        &json!({"userAgent": "guest-join test", "endpointId": "5d2e", "culture": "en-US"}),
    );
    assert_eq!(send(&client, &elsewhere).await.expect("answers").status(), 404);
    guest.machine.leave().expect("leave");
    assert_eq!(guest.until_over().await, Ending::Left);
    sim.shutdown().await;
}

/// §3.1 and §8 item 20: the meeting's simple URL serves a page linking its conference, from
/// which a client reads the conference URI as pidgin-sipe does.
#[tokio::test]
async fn the_simple_url_page_names_the_conference() {
    let sim = start(Quirks::strict()).await;
    let client = client();
    let page_url = sim
        .hosts()
        .pool
        .join(&format!("meet/john/{MEETING}"))
        .expect("url");
    let page = send(&client, &on_premises::get(&page_url, None).expect("request"))
        .await
        .expect("the page answers");
    assert_eq!(page.status(), 200);
    let html = String::from_utf8_lossy(page.body()).into_owned();
    let conference =
        parse_conference_uri(&sim.conference_uri(MEETING).expect("the meeting")).expect("a conference");
    assert_eq!(
        on_premises::read_meet_page(&html, &page_url),
        on_premises::MeetPage::Conference(conference)
    );
    let elsewhere = sim
        .hosts()
        .pool
        .join(&format!("meet/someone/{MEETING}"))
        .expect("url");
    let missing = send(&client, &on_premises::get(&elsewhere, None).expect("request"))
        .await
        .expect("answers");
    assert_eq!(missing.status(), 404);
    sim.shutdown().await;
}

/// §3.2: a root that only redirects. Over plain HTTP (as on loopback) the redirect leaves
/// the meeting's domain, so the sign-in follows it only to a host the deployment trusts.
#[tokio::test]
async fn a_redirecting_root_is_followed_only_to_a_trusted_host() {
    let config = server(|on_premises| on_premises.root_redirect = true);
    let sim = Simulator::start(config).await.expect("simulator starts");
    let client = client();
    let conference = protocol::join_link::ConferenceUri {
        organizer: "john@contoso.com".to_owned(),
        meeting_id: "BW9Z1MJD".to_owned(),
    };
    let roots = vec![sim.hosts().lyncdiscover.clone()];
    let pool = sim.hosts().pool.host_str().expect("a host").to_owned();
    for (trusted, expect_user) in [(Vec::new(), false), (vec![pool.clone()], true)] {
        let (mut sign_in, first) = SignIn::start(conference.clone(), roots.clone(), trusted).expect("starts");
        let answer = send(&client, &first).await.ok();
        match sign_in.on_response(answer.as_ref()) {
            Ok(Next::Send(next)) => {
                assert!(expect_user, "followed an untrusted redirect to {}", next.uri());
                assert_eq!(next.uri().host(), Some(pool.as_str()));
                let root = send(&client, &next).await.ok();
                let Ok(Next::Send(user)) = sign_in.on_response(root.as_ref()) else {
                    panic!("the pool's root did not lead to the user resource");
                };
                assert!(user.uri().path().ends_with("/oauth/user"));
            }
            Err(on_premises::SignInError::NoServer) => {
                assert!(!expect_user, "the trusted redirect was not followed")
            }
            other => panic!("unexpected: {other:?}"),
        }
    }
    sim.shutdown().await;
}

/// §3.5: the meeting is homed on another pool. The first pool's `user` answers a
/// `redirect`; the second challenges for a ticket of its own (the first pool's is not sent
/// there), and the guest joins on it.
#[tokio::test]
async fn a_meeting_homed_on_another_pool_is_joined_there() {
    let config = server(|on_premises| on_premises.homed_on_second_pool = true);
    let sim = Simulator::start(config).await.expect("simulator starts");
    let mut guest = Driver::on_premises(&sim, MEETING, roots(&sim), LISTED);
    guest.join("Robin").await;
    assert!(
        matches!(guest.machine.phase(), Phase::InMeeting { .. }),
        "{:?}",
        guest.machine.phase()
    );
    let users: Vec<_> = sim
        .journal()
        .iter()
        .filter(|e| e.step == simulator::journal::Step::UserResource)
        .map(|e| (e.host, e.status))
        .collect();
    use simulator::journal::HostName::{Pool, Pool2};
    assert_eq!(users, [(Pool, 401), (Pool, 200), (Pool2, 401), (Pool2, 200)]);
    sim.shutdown().await;
}
