//! `--demo`: a seeded tenant, app registration, endpoint and meetings, and the script of
//! the staff member who admits guests from the lobby and answers chat.

use std::time::{Duration, Instant};

use protocol::taapi::AccessLevel;

use crate::config::{
    AppConfig, DialInConfig, DialInNumber, EndpointConfig, MeetingConfig, OnPremisesConfig, Permission,
    PersonConfig, ServiceConfig, SimConfig, TenantConfig,
};
use crate::ids::now_ms;
use crate::model::{Meeting, Network, Person, Presence};

/// The demo tenant's id.
pub const TENANT: &str = "6c4f3b2a-8e1d-4c7b-9a5f-2d3e4f5a6b7c";
/// The demo app registration's client id.
pub const CLIENT_ID: &str = "3f9c2b1e-5a6d-4e7f-8a9b-0c1d2e3f4a5b";
/// The demo endpoint.
pub const ENDPOINT: &str = "sip:advisor-desk@contoso.onmicrosoft.com";
/// The meeting with a lobby, where the staff member admits guests.
pub const LOBBY_MEETING: &str = "ADV1SE24";
/// The meeting everyone enters directly.
pub const OPEN_MEETING: &str = "OPEN2024";
/// The SIP domain of the demo's on-premises server (Skype for Business Server).
pub const ON_PREMISES_DOMAIN: &str = "fabrikam.com";
/// The on-premises meeting (no lobby), run by `alex@fabrikam.com`, linked by its simple URL
/// on the pool.
pub const ON_PREMISES_MEETING: &str = "BRANCH01";
/// The on-premises organisation's id among the simulator's tenants.
pub const ON_PREMISES_TENANT: &str = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

/// The demo configuration, on fixed ports from `base_port` (login, api, ring, webpool,
/// meet, control; then the partner page's, and the on-premises lyncdiscover and pools).
pub fn config(base_port: u16, client_secret: String) -> SimConfig {
    SimConfig {
        service: ServiceConfig {
            login_port: base_port,
            api_port: base_port + 1,
            ring_port: base_port + 2,
            webpool_port: base_port + 3,
            meet_port: base_port + 4,
            control_port: base_port + 5,
            // base + 6 is the example partner page's.
            lyncdiscover_port: base_port + 7,
            pool_port: base_port + 8,
            pool2_port: base_port + 9,
            ..ServiceConfig::default()
        },
        tenants: vec![
            TenantConfig {
                id: TENANT.to_owned(),
                domain: "contoso.onmicrosoft.com".to_owned(),
                name: "contoso".to_owned(),
            },
            // The organisation whose own server the on-premises hosts play.
            TenantConfig {
                id: ON_PREMISES_TENANT.to_owned(),
                domain: ON_PREMISES_DOMAIN.to_owned(),
                name: "fabrikam".to_owned(),
            },
        ],
        apps: vec![AppConfig {
            client_id: CLIENT_ID.to_owned(),
            client_secret,
            tenant: TENANT.to_owned(),
            consented: true,
            permissions: vec![
                Permission::GuestJoin,
                Permission::CreateMeetings,
                Permission::Messaging,
            ],
            app_id_uri: Some("https://guest-join.contoso.example".to_owned()),
            callback_url: None,
        }],
        endpoints: vec![EndpointConfig {
            sip: ENDPOINT.to_owned(),
            client_id: CLIENT_ID.to_owned(),
        }],
        meetings: vec![
            MeetingConfig {
                id: LOBBY_MEETING.to_owned(),
                tenant: TENANT.to_owned(),
                organizer: "sam.advisor".to_owned(),
                organizer_name: "Sam (Advisor)".to_owned(),
                subject: "Mortgage advice".to_owned(),
                access_level: AccessLevel::Locked,
                organizer_present: true,
                participants: Vec::new(),
                dial_in: Some(dial_in("84216733")),
            },
            MeetingConfig {
                id: OPEN_MEETING.to_owned(),
                tenant: TENANT.to_owned(),
                organizer: "riley.host".to_owned(),
                organizer_name: "Riley (Host)".to_owned(),
                subject: "Open Q&A".to_owned(),
                access_level: AccessLevel::Everyone,
                organizer_present: true,
                participants: vec![PersonConfig {
                    name: "Jordan Lee".to_owned(),
                    leader: false,
                }],
                dial_in: Some(dial_in("51930482")),
            },
            MeetingConfig {
                id: ON_PREMISES_MEETING.to_owned(),
                tenant: ON_PREMISES_TENANT.to_owned(),
                organizer: "alex".to_owned(),
                organizer_name: "Alex (Teller)".to_owned(),
                subject: "Branch appointment".to_owned(),
                access_level: AccessLevel::Everyone,
                organizer_present: true,
                participants: Vec::new(),
                dial_in: None,
            },
        ],
        on_premises: OnPremisesConfig {
            sip_domain: Some(ON_PREMISES_DOMAIN.to_owned()),
            ..OnPremisesConfig::default()
        },
        ..SimConfig::default()
    }
}

/// The demo's phone numbers: the 555-01xx range that is reserved for fiction.
fn dial_in(conference_id: &str) -> DialInConfig {
    DialInConfig {
        conference_id: conference_id.to_owned(),
        default_region: "Seattle".to_owned(),
        numbers: vec![
            DialInNumber {
                region: "Seattle".to_owned(),
                number: "+12065550123".to_owned(),
            },
            DialInNumber {
                region: "New York".to_owned(),
                number: "+12125550147".to_owned(),
            },
        ],
    }
}

/// The staff member who runs the lobby meeting.
pub fn staff() -> DemoStaff {
    DemoStaff {
        meetings: vec![LOBBY_MEETING.to_owned()],
        person: "sam.advisor@contoso.onmicrosoft.com".to_owned(),
        name: "Sam (Advisor)".to_owned(),
        admit_after: Duration::from_secs(3),
    }
}

/// The demo's staff member: admits guests and answers chat.
#[derive(Clone, Debug)]
pub struct DemoStaff {
    /// Their meetings.
    pub meetings: Vec<String>,
    /// Their person id in each meeting.
    pub person: String,
    /// Their name.
    pub name: String,
    /// How long before they admit a guest from the lobby.
    pub admit_after: Duration,
}

/// Something the demo staff does later.
#[derive(Clone, Debug)]
pub(crate) enum Scheduled {
    /// Admit `person` from the lobby.
    Admit { meeting: String, person: String },
    /// Start typing as `person`.
    Type { meeting: String, person: String },
    /// Say `text` as `from`.
    Say {
        meeting: String,
        from: String,
        text: String,
    },
    /// Come back to the meeting (after it ended, say).
    StaffReturns { meeting: String },
}

/// The demo staff's script: who they are (if anyone), and what they do next.
#[derive(Debug, Default)]
pub struct Script {
    staff: Option<DemoStaff>,
    scheduled: Vec<(Instant, Scheduled)>,
}

impl Script {
    /// Casts `staff` as the staff member.
    pub fn set_staff(&mut self, staff: DemoStaff) {
        self.staff = Some(staff);
    }

    /// The staff member, if they run `meeting`.
    fn staff_of(&self, meeting: &str) -> Option<DemoStaff> {
        self.staff
            .clone()
            .filter(|s| s.meetings.iter().any(|m| m == meeting))
    }

    /// A guest, `person`, started waiting in `meeting`'s lobby: the staff member admits
    /// them a little later, coming back first if they are not there.
    pub(crate) fn guest_waiting(&mut self, meeting: &Meeting, person: &str) {
        let Some(staff) = self.staff_of(&meeting.id) else {
            return;
        };
        let staff_present = meeting.people.contains_key(&staff.person);
        let mut at = Instant::now();
        if !staff_present {
            at += Duration::from_secs(1);
            self.scheduled.push((
                at,
                Scheduled::StaffReturns {
                    meeting: meeting.id.clone(),
                },
            ));
        }
        self.scheduled.push((
            at + staff.admit_after,
            Scheduled::Admit {
                meeting: meeting.id.clone(),
                person: person.to_owned(),
            },
        ));
    }

    /// A guest named `guest` said `text` in `meeting`: the staff member, if there,
    /// answers a little later.
    pub(crate) fn guest_said(&mut self, meeting: &Meeting, guest: &str, text: &str) {
        let Some(staff) = self.staff_of(&meeting.id) else {
            return;
        };
        if !meeting.people.contains_key(&staff.person) {
            return;
        }
        let first_name = guest.split_whitespace().next().unwrap_or(guest);
        let reply = if text.trim_end().ends_with('?') {
            format!("Good question, {first_name}. Let me check that for you.")
        } else {
            format!("Thanks, {first_name}. I've noted that.")
        };
        // They type for a moment before the answer arrives, as a person would.
        let now = Instant::now();
        self.scheduled.push((
            now + Duration::from_millis(300),
            Scheduled::Type {
                meeting: meeting.id.clone(),
                person: staff.person.clone(),
            },
        ));
        self.scheduled.push((
            now + Duration::from_millis(1800),
            Scheduled::Say {
                meeting: meeting.id.clone(),
                from: staff.person,
                text: reply,
            },
        ));
    }

    /// `meeting` ended: nobody waits to be admitted there, and nothing is left to say.
    pub(crate) fn meeting_ended(&mut self, meeting: &str) {
        self.scheduled.retain(|(_, s)| {
            !matches!(s, Scheduled::Admit { meeting: m, .. } | Scheduled::Type { meeting: m, .. } | Scheduled::Say { meeting: m, .. } if m == meeting)
        });
    }

    /// Takes what is due by `now`, in the order it was planned.
    pub(crate) fn due(&mut self, now: Instant) -> Vec<Scheduled> {
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.scheduled)
            .into_iter()
            .partition(|(at, _)| *at <= now);
        self.scheduled = later;
        due.into_iter().map(|(_, s)| s).collect()
    }

    /// The staff member as a person coming back to `meeting`, unless there is none or
    /// they are there.
    pub(crate) fn returning_staff(&self, meeting: &Meeting) -> Option<Person> {
        let staff = self.staff.as_ref()?;
        if meeting.people.contains_key(&staff.person) {
            return None;
        }
        Some(Person {
            id: staff.person.clone(),
            name: staff.name.clone(),
            uri: format!("sip:{}", staff.person),
            leader: true,
            network: Network::Organisation,
            presence: Presence::InMeeting,
            app: None,
            since_ms: now_ms(),
        })
    }
}

/// The README's example partner page (`examples/partner.html`): a bank's page that embeds
/// the app at `app_url` with its one-line `<guest-join>` element, for the meeting at
/// `join_url`. The demo serves it on an origin of its own, as a partner would.
pub fn partner_page(app_url: &str, join_url: &str) -> String {
    let app = if app_url.ends_with('/') {
        app_url.to_owned()
    } else {
        format!("{app_url}/")
    };
    let attribute = |text: &str| {
        text.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    include_str!("../../../examples/partner.html")
        .replace("{{APP}}", &attribute(&app))
        .replace("{{JOIN}}", &attribute(join_url))
}

/// The example partner's logo.
pub const PARTNER_LOGO: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"32\" viewBox=\"0 0 120 32\"><rect width=\"120\" height=\"32\" rx=\"6\" fill=\"#1b4d3e\"/><text x=\"60\" y=\"21\" font-family=\"sans-serif\" font-size=\"14\" fill=\"#fff\" text-anchor=\"middle\">Example Bank</text></svg>";
