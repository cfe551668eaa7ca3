//! Test support: a simulator with short timers, the service-side token flow done with the
//! protocol crate over reqwest, and a driver that runs the guest join machine natively.

#![allow(dead_code, unreachable_pub)]

use std::collections::BTreeMap;
use std::time::Duration;

use protocol::aad::{self, ClientCredentials};
use protocol::date::Timestamp;
use protocol::join::{Command, GuestJoin, Input, JoinConfig, Phase, RequestId};
use protocol::taapi::{self, AccessLevel, AnonApplicationTokenInput};
use protocol::{HttpRequest, HttpResponse, Secret, Url, guest_api, http_util};
use serde_json::{Value, json};
use simulator::Simulator;
use simulator::config::{
    AppConfig, EndpointConfig, MeetingConfig, Permission, PersonConfig, SimConfig, TenantConfig, Timers,
};
use simulator::model::Hosts;
use tokio::sync::mpsc;

pub const TENANT: &str = "11111111-2222-3333-4444-555555555555";
pub const OTHER_TENANT: &str = "99999999-2222-3333-4444-555555555555";
pub const CLIENT_ID: &str = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
pub const SECRET: &str = "test-secret-value";
pub const ENDPOINT: &str = "sip:helpdesk@contoso.onmicrosoft.com";
pub const OPEN: &str = "OPEN0001";
pub const LOBBY: &str = "LOBBY001";
pub const FOREIGN: &str = "OTHER001";
pub const ORIGIN: &str = "https://bank.example";
/// The middle tier the join machine talks to; the driver answers it itself.
pub const MIDDLE_TIER: &str = "http://middle-tier.test/";

pub fn config() -> SimConfig {
    SimConfig {
        timers: Timers {
            min_event_timeout_secs: 1,
            default_event_timeout_secs: 2,
            app_idle_secs: 30,
            app_forget_secs: 60,
            lobby_timeout_secs: 30,
            ..Timers::default()
        },
        tenants: vec![
            TenantConfig {
                id: TENANT.to_owned(),
                domain: "contoso.onmicrosoft.com".to_owned(),
                name: "contoso".to_owned(),
            },
            TenantConfig {
                id: OTHER_TENANT.to_owned(),
                domain: "fabrikam.onmicrosoft.com".to_owned(),
                name: "fabrikam".to_owned(),
            },
        ],
        apps: vec![AppConfig {
            client_id: CLIENT_ID.to_owned(),
            client_secret: SECRET.to_owned(),
            tenant: TENANT.to_owned(),
            consented: true,
            permissions: vec![
                Permission::GuestJoin,
                Permission::CreateMeetings,
                Permission::Messaging,
            ],
            app_id_uri: Some("https://bank.example/app".to_owned()),
            callback_url: None,
        }],
        endpoints: vec![EndpointConfig {
            sip: ENDPOINT.to_owned(),
            client_id: CLIENT_ID.to_owned(),
        }],
        meetings: vec![
            meeting(
                OPEN,
                TENANT,
                AccessLevel::Everyone,
                vec![PersonConfig {
                    name: "Jordan Lee".to_owned(),
                    leader: false,
                }],
            ),
            meeting(LOBBY, TENANT, AccessLevel::Locked, Vec::new()),
            meeting(FOREIGN, OTHER_TENANT, AccessLevel::Everyone, Vec::new()),
        ],
        ..SimConfig::default()
    }
}

fn meeting(
    id: &str,
    tenant: &str,
    access_level: AccessLevel,
    participants: Vec<PersonConfig>,
) -> MeetingConfig {
    MeetingConfig {
        id: id.to_owned(),
        tenant: tenant.to_owned(),
        organizer: "olivia".to_owned(),
        organizer_name: "Olivia Organizer".to_owned(),
        subject: format!("Meeting {id}"),
        access_level,
        organizer_present: true,
        participants,
        dial_in: Some(simulator::config::DialInConfig {
            conference_id: "12983487".to_owned(),
            default_region: "Redmond".to_owned(),
            numbers: vec![simulator::config::DialInNumber {
                region: "Redmond".to_owned(),
                number: "+14255550001".to_owned(),
            }],
        }),
    }
}

pub async fn start() -> Simulator {
    Simulator::start(config()).await.expect("simulator starts")
}

pub fn join_url(sim: &Simulator, id: &str) -> String {
    sim.join_url(id).expect("a meeting")
}

pub fn conference(sim: &Simulator, id: &str) -> String {
    sim.conference_uri(id).expect("a meeting")
}

/// Sends a protocol request with reqwest, following nothing (a 307 is returned as is).
pub async fn send(client: &reqwest::Client, request: &HttpRequest) -> Result<HttpResponse, reqwest::Error> {
    let mut builder = client.request(request.method().clone(), request.uri().to_string());
    for (name, value) in request.headers() {
        builder = builder.header(name, value);
    }
    let response = builder.body(request.body().clone()).send().await?;
    let mut out = http::Response::builder().status(response.status());
    for (name, value) in response.headers() {
        out = out.header(name, value);
    }
    let body = response.bytes().await?.to_vec();
    Ok(out.body(body).expect("valid response"))
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// An Azure AD token for the test app.
pub async fn aad_token(hosts: &Hosts) -> Secret {
    let credentials = ClientCredentials {
        tenant: TENANT.to_owned(),
        client_id: CLIENT_ID.to_owned(),
        client_secret: Secret::new(SECRET),
        resource: hosts.api.as_str().trim_end_matches('/').to_owned(),
    };
    let request = aad::token_request(&hosts.login, &credentials).expect("request");
    let response = send(&client(), &request).await.expect("sent");
    aad::parse_token_response(&response).expect("token").access_token
}

/// Follows a 307 once, re-sending method, body and headers, as a service must.
pub async fn send_following(client: &reqwest::Client, request: &HttpRequest) -> HttpResponse {
    let response = send(client, request).await.expect("sent");
    let url = http_util::request_url(request).expect("url");
    match http_util::redirect_target(&response, &url) {
        Some(target) => send(
            client,
            &http_util::redirected(request, &target).expect("redirect"),
        )
        .await
        .expect("sent"),
        None => response,
    }
}

/// The anonApplicationTokens URL of the test endpoint, found by following the links.
pub async fn anon_tokens_url(hosts: &Hosts, token: &Secret) -> Result<Url, protocol::ProtocolError> {
    let client = client();
    let discover_url = hosts.api.join("platformservice/discover").expect("url");
    let discover = taapi::parse_discover(
        &send(&client, &taapi::discover_request(&discover_url, token)?)
            .await
            .expect("sent"),
    )?;
    let applications_url = discover.applications(&discover_url)?;
    let request = taapi::applications_request(&applications_url, ENDPOINT, token)?;
    let applications = taapi::parse_applications(&send(&client, &request).await.expect("sent"))?;
    let application_url = applications.application(&http_util::request_url(&request)?)?;
    let application = taapi::parse_application(
        &send(&client, &taapi::application_request(&application_url, token)?)
            .await
            .expect("sent"),
    )?;
    application.anon_application_tokens(&application_url)
}

/// A guest token for `meeting_url`, minted through the Trusted Application API as the
/// middle tier would.
pub async fn guest_token(
    hosts: &Hosts,
    meeting_url: &str,
    session: &str,
    origins: &str,
) -> Result<guest_api::GuestToken, protocol::ProtocolError> {
    let token = aad_token(hosts).await;
    let url = anon_tokens_url(hosts, &token).await?;
    let input = AnonApplicationTokenInput {
        application_session_id: session.to_owned(),
        allowed_origins: origins.to_owned(),
        meeting_url: Some(meeting_url.to_owned()),
        other: Default::default(),
    };
    let request = taapi::anon_token_request(&url, &token, &input)?;
    let response = send_following(&client(), &request).await;
    let minted = taapi::parse_anon_token(&response)?;
    Ok(guest_api::GuestToken {
        discover_url: minted.discover(&url)?.to_string(),
        token: minted.token,
        expires_at: minted.expiry_time,
        application_session_id: session.to_owned(),
        subject: None,
    })
}

pub fn now() -> Timestamp {
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_millis();
    Timestamp::from_millis(i64::try_from(millis).expect("fits"))
}

/// Runs a guest join machine natively: reqwest for HTTP, tokio for timers, and a stand-in
/// for the middle tier that mints tokens through the Trusted Application API.
pub struct Driver {
    pub machine: GuestJoin,
    sim_hosts: Hosts,
    meeting_url: String,
    origin: Option<String>,
    tx: mpsc::UnboundedSender<Input>,
    rx: mpsc::UnboundedReceiver<Input>,
    tasks: BTreeMap<RequestId, tokio::task::JoinHandle<()>>,
    /// Every request sent, as (method, path).
    pub sent: Vec<(String, String)>,
    /// How many token requests reached the stand-in middle tier.
    pub tokens_minted: usize,
}

impl Driver {
    pub fn new(sim: &Simulator, meeting: &str) -> Self {
        Self::with_origin(sim, meeting, Some(ORIGIN))
    }

    pub fn with_origin(sim: &Simulator, meeting: &str, origin: Option<&str>) -> Self {
        let meeting_url = join_url(sim, meeting);
        let (tx, rx) = mpsc::unbounded_channel();
        Self {
            machine: GuestJoin::new(JoinConfig {
                middle_tier: Url::parse(MIDDLE_TIER).expect("url"),
                meeting_url: meeting_url.clone(),
                invitation: None,
                application_session_id: None,
                culture: "en-us".to_owned(),
                user_agent: "guest-join-native-test".to_owned(),
                operation_prefix: "native".to_owned(),
                on_premises: None,
            }),
            sim_hosts: sim.hosts().clone(),
            meeting_url,
            origin: origin.map(str::to_owned),
            tx,
            rx,
            tasks: BTreeMap::new(),
            sent: Vec::new(),
            tokens_minted: 0,
        }
    }

    /// A driver whose machine joins `meeting` on the simulator's on-premises server,
    /// asking `roots` for autodiscovery, from `origin`.
    pub fn on_premises(sim: &Simulator, meeting: &str, roots: Vec<Url>, origin: &str) -> Self {
        let conference =
            protocol::join_link::parse_conference_uri(&conference(sim, meeting)).expect("a conference");
        let mut driver = Self::with_origin(sim, meeting, Some(origin));
        driver.machine = GuestJoin::new(JoinConfig {
            middle_tier: Url::parse(MIDDLE_TIER).expect("url"),
            meeting_url: driver.meeting_url.clone(),
            invitation: None,
            application_session_id: None,
            culture: "en-us".to_owned(),
            user_agent: "guest-join-native-test".to_owned(),
            operation_prefix: "native".to_owned(),
            on_premises: Some(protocol::join::OnPremisesServer {
                conference,
                roots,
                trusted_hosts: Vec::new(),
            }),
        });
        driver
    }

    fn dispatch(&mut self) {
        while let Some(command) = self.machine.poll_command() {
            match command {
                Command::Send {
                    id,
                    request,
                    timeout_ms,
                } => {
                    let request = *request;
                    self.sent
                        .push((request.method().to_string(), request.uri().path().to_owned()));
                    let tx = self.tx.clone();
                    let timeout = Duration::from_millis(u64::from(timeout_ms));
                    if request.uri().to_string().starts_with(MIDDLE_TIER) {
                        self.tokens_minted += 1;
                        let body: Value = serde_json::from_slice(request.body()).expect("json");
                        let session = body["applicationSessionId"]
                            .as_str()
                            .map_or_else(|| format!("session-{}", rand_suffix()), str::to_owned);
                        let meeting_url = body["meetingUrl"]
                            .as_str()
                            .unwrap_or(&self.meeting_url)
                            .to_owned();
                        let hosts = self.sim_hosts.clone();
                        // The stand-in middle tier allows the bank's site only, whatever page asks.
                        let origin = ORIGIN.to_owned();
                        self.tasks.insert(
                            id,
                            tokio::spawn(async move {
                                let response = mint_for_driver(&hosts, &meeting_url, &session, &origin).await;
                                let _ = tx.send(Input::Response { id, response });
                            }),
                        );
                        continue;
                    }
                    let client = client();
                    let origin = self.origin.clone();
                    self.tasks.insert(
                        id,
                        tokio::spawn(async move {
                            let mut request = request;
                            if let Some(origin) = origin {
                                request
                                    .headers_mut()
                                    .insert("origin", origin.parse().expect("header"));
                            }
                            let input = match tokio::time::timeout(timeout, send(&client, &request)).await {
                                Ok(Ok(response)) => Input::Response { id, response },
                                _ => Input::TransportFailed { id },
                            };
                            let _ = tx.send(input);
                        }),
                    );
                }
                Command::Cancel { id } => {
                    if let Some(task) = self.tasks.remove(&id) {
                        task.abort();
                    }
                }
                Command::StartTimer { id, after_ms } => {
                    let tx = self.tx.clone();
                    // Retries are compressed so tests stay fast; renewals are hours away.
                    let delay = Duration::from_millis(u64::from(after_ms.min(300_000)) / 10);
                    tokio::spawn(async move {
                        tokio::time::sleep(delay).await;
                        let _ = tx.send(Input::TimerFired { id });
                    });
                }
            }
        }
    }

    /// Feeds inputs until `done` holds; fails after `limit`.
    pub async fn run_until(&mut self, what: &str, limit: Duration, done: impl Fn(&GuestJoin) -> bool) {
        self.dispatch();
        let deadline = tokio::time::Instant::now() + limit;
        while !done(&self.machine) {
            let input = tokio::time::timeout_at(deadline, self.rx.recv())
                .await
                .unwrap_or_else(|_| panic!("timed out waiting for {what}; phase {:?}", self.machine.phase()))
                .expect("channel open");
            if let Input::Response { id, .. } | Input::TransportFailed { id } = &input {
                self.tasks.remove(id);
            }
            if std::env::var_os("DRIVER_DEBUG").is_some()
                && let Input::Response { response, .. } = &input
            {
                eprintln!(
                    "<< {} {}",
                    response.status(),
                    String::from_utf8_lossy(response.body())
                        .chars()
                        .take(3000)
                        .collect::<String>()
                );
            }
            self.machine.handle(input, now()).expect("handled");
            self.dispatch();
            assert!(self.machine.event_polls() <= 1, "one long-poll at a time");
        }
    }

    /// Feeds inputs for `span`, whatever happens.
    pub async fn run_for(&mut self, span: Duration) {
        self.dispatch();
        let deadline = tokio::time::Instant::now() + span;
        while let Ok(Some(input)) = tokio::time::timeout_at(deadline, self.rx.recv()).await {
            if let Input::Response { id, .. } | Input::TransportFailed { id } = &input {
                self.tasks.remove(id);
            }
            self.machine.handle(input, now()).expect("handled");
            self.dispatch();
        }
    }

    pub async fn join(&mut self, name: &str) {
        self.machine.join(name).expect("join");
        self.run_until("the meeting or lobby", Duration::from_secs(20), |m| {
            m.phase().is_joined() || matches!(m.phase(), Phase::Over(_))
        })
        .await;
    }

    pub async fn until_in_meeting(&mut self) {
        self.run_until("the meeting", Duration::from_secs(20), |m| {
            matches!(m.phase(), Phase::InMeeting { .. })
        })
        .await;
    }

    pub async fn until_over(&mut self) -> protocol::join::Ending {
        self.run_until("the end", Duration::from_secs(20), |m| {
            matches!(m.phase(), Phase::Over(_))
        })
        .await;
        match self.machine.phase() {
            Phase::Over(ending) => ending.clone(),
            _ => unreachable!(),
        }
    }

    pub async fn until_chat(&mut self) {
        self.run_until("chat", Duration::from_secs(20), GuestJoin::chat_ready)
            .await;
    }

    /// The application id the machine created (from the requests it sent).
    pub fn application(&self) -> String {
        self.sent
            .iter()
            .rev()
            .find_map(|(_, path)| {
                path.strip_prefix("/ucwa/psanon/v1/applications/")
                    .map(|rest| rest.split('/').next().unwrap_or_default().to_owned())
            })
            .expect("an application was used")
    }
}

fn rand_suffix() -> u32 {
    rand::random()
}

/// What the stand-in middle tier answers: a guest token minted through TAAPI.
async fn mint_for_driver(hosts: &Hosts, meeting_url: &str, session: &str, origin: &str) -> HttpResponse {
    match guest_token(hosts, meeting_url, session, origin).await {
        Ok(token) => http::Response::builder()
            .status(200)
            .body(serde_json::to_vec(&token).expect("json"))
            .expect("response"),
        Err(error) => {
            let code = if error.status() == Some(404) {
                "meeting_not_found"
            } else {
                "service_unavailable"
            };
            let body = json!({"error": code, "message": error.to_string(), "retryable": code == "service_unavailable"});
            http::Response::builder()
                .status(502)
                .body(serde_json::to_vec(&body).expect("json"))
                .expect("response")
        }
    }
}

/// The control API, for tests.
pub struct Control {
    base: String,
    client: reqwest::Client,
}

impl Control {
    pub fn new(sim: &Simulator) -> Self {
        Self {
            base: sim.hosts().control.as_str().trim_end_matches('/').to_owned(),
            client: client(),
        }
    }

    pub async fn post(&self, path: &str, body: Value) -> Value {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .expect("control reachable");
        assert!(response.status().is_success(), "{path}: {}", response.status());
        response.json().await.unwrap_or(Value::Null)
    }

    pub async fn put(&self, path: &str, body: Value) {
        let response = self
            .client
            .put(format!("{}{path}", self.base))
            .json(&body)
            .send()
            .await
            .expect("control reachable");
        assert!(response.status().is_success(), "{path}: {}", response.status());
    }

    pub async fn get(&self, path: &str) -> Value {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("control reachable")
            .json()
            .await
            .expect("json")
    }

    pub async fn delete(&self, path: &str) {
        let response = self
            .client
            .delete(format!("{}{path}", self.base))
            .send()
            .await
            .expect("control reachable");
        assert!(response.status().is_success(), "{path}: {}", response.status());
    }

    /// The guest (anonymous person) in `meeting`.
    pub async fn guest_in(&self, meeting: &str) -> Option<Value> {
        let view = self.get(&format!("/control/meetings/{meeting}")).await;
        view["people"]
            .as_array()?
            .iter()
            .find(|p| p["guest"] == true)
            .cloned()
    }
}

/// POSTs `body` as JSON with a bearer token, and returns the JSON answer.
pub async fn post_json(
    client: &reqwest::Client,
    url: impl reqwest::IntoUrl,
    bearer: &str,
    body: &Value,
) -> Value {
    let response = client
        .post(url)
        .bearer_auth(bearer)
        .json(body)
        .send()
        .await
        .expect("sent");
    response.json().await.expect("json")
}
