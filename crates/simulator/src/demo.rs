//! `--demo`: a seeded tenant, app registration, endpoint and meetings, with a staff member
//! who admits guests from the lobby and answers chat.

use std::time::Duration;

use protocol::taapi::AccessLevel;

use crate::config::{
    AppConfig, EndpointConfig, MeetingConfig, Permission, PersonConfig, ServiceConfig, SimConfig,
    TenantConfig,
};
use crate::store::DemoStaff;

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

/// The demo configuration, on fixed ports from `base_port` (login, api, ring, webpool,
/// meet, control).
pub fn config(base_port: u16, client_secret: String) -> SimConfig {
    SimConfig {
        service: ServiceConfig {
            login_port: base_port,
            api_port: base_port + 1,
            ring_port: base_port + 2,
            webpool_port: base_port + 3,
            meet_port: base_port + 4,
            control_port: base_port + 5,
            ..ServiceConfig::default()
        },
        tenants: vec![TenantConfig {
            id: TENANT.to_owned(),
            domain: "contoso.onmicrosoft.com".to_owned(),
            name: "contoso".to_owned(),
        }],
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
            },
        ],
        ..SimConfig::default()
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
