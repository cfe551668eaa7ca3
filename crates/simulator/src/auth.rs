//! The tokens the simulator issues and accepts: Azure AD application tokens for the Trusted
//! Application API, guest (`psat`) tokens for discover and UCWA, and on premises the
//! anonymous web tickets (`cwt=…`) of the pool.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::ids::now_secs;
use crate::keys::rs256_validation;
use crate::model::Hosts;
use crate::state::{State, Store, WebTicketGrant};

/// The claims of an Azure AD application token.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AadClaims {
    /// Audience: the Trusted Application API resource.
    pub aud: String,
    /// `https://sts.windows.net/<tenant>/`.
    pub iss: String,
    /// Issued at.
    pub iat: i64,
    /// Not before.
    pub nbf: i64,
    /// Expiry.
    pub exp: i64,
    /// The client id.
    pub appid: String,
    /// `1` for a secret.
    pub appidacr: String,
    /// The tenant id.
    pub tid: String,
    /// The app's roles (permissions granted).
    pub roles: Vec<String>,
    /// Version.
    pub ver: String,
}

/// The claims of a guest token, as decoded from published `psat` tokens.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PsatClaims {
    /// Not before.
    pub nbf: i64,
    /// Expiry (8 hours after `nbf` in every published token).
    pub exp: i64,
    /// Issued at (the simulator adds it, to revoke tokens issued before an instant).
    pub iat: i64,
    /// Undocumented; published tokens hold a SIP URI of the meeting pool. The simulator
    /// puts the organizer's URI.
    pub ruu: String,
    /// The `applicationSessionId`.
    pub asi: String,
    /// The service application's endpoint.
    pub aeu: String,
    /// Allowed origins, `;`-separated.
    pub ao: String,
    /// The conference URI (meeting tokens only).
    pub confid: String,
    /// The external UCWA pool.
    pub ucwaext: String,
    /// The tenant (the simulator adds it).
    pub tid: String,
    /// A unique id, so two tokens minted in the same second differ (the simulator adds it).
    pub jti: String,
}

impl PsatClaims {
    /// The allowed origins.
    pub fn origins(&self) -> Vec<String> {
        self.ao
            .split(';')
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// The audiences a Trusted Application API token may be for.
pub fn accepted_audiences(hosts: &Hosts) -> Vec<String> {
    vec![
        "https://api.skypeforbusiness.com".to_owned(),
        "https://NOAMmeetings.resources.lync.com".to_owned(),
        hosts.api.as_str().trim_end_matches('/').to_owned(),
    ]
}

/// The claims the Trusted Application API's callback tokens carry.
pub fn callback_claims(tenant: &str, audience: &str) -> Value {
    let now = now_secs();
    json!({
        "aud": audience,
        "iss": format!("https://sts.windows.net/{tenant}/"),
        "idp": format!("https://sts.windows.net/{tenant}/"),
        "appid": "00000004-0000-0ff1-ce00-000000000000",
        "appidacr": "2",
        "tid": tenant,
        "ver": "1.0",
        "iat": now,
        "nbf": now,
        "exp": now + 65 * 60,
    })
}

/// Why a token was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenError {
    /// None was sent.
    Missing,
    /// Bad signature, malformed, expired, not yet valid, wrong audience, revoked.
    Invalid,
}

/// Verifies an Azure AD token for the Trusted Application API.
///
/// # Errors
/// [`TokenError`].
pub fn verify_aad(store: &Store, token: Option<&str>, audiences: &[String]) -> Result<AadClaims, TokenError> {
    let token = token.ok_or(TokenError::Missing)?;
    let claims: AadClaims = store
        .keys()
        .verify(token, &rs256_validation())
        .map_err(|_| TokenError::Invalid)?;
    if !audiences.iter().any(|a| {
        a.trim_end_matches('/')
            .eq_ignore_ascii_case(claims.aud.trim_end_matches('/'))
    }) {
        return Err(TokenError::Invalid);
    }
    Ok(claims)
}

/// Verifies a guest token (`psat=<jwt>`, with or without the prefix).
///
/// # Errors
/// [`TokenError`].
pub fn verify_psat(store: &Store, state: &State, token: Option<&str>) -> Result<PsatClaims, TokenError> {
    let token = token.ok_or(TokenError::Missing)?;
    let jwt = token.strip_prefix("psat=").unwrap_or(token);
    let claims: PsatClaims = store
        .keys()
        .verify(jwt, &rs256_validation())
        .map_err(|_| TokenError::Invalid)?;
    if state
        .token_floor
        .get(&claims.asi)
        .is_some_and(|floor| claims.iat <= *floor)
        || claims.exp <= now_secs()
    {
        return Err(TokenError::Invalid);
    }
    Ok(claims)
}

/// `host:port` of `url`, as web tickets name the pool that issued them.
pub fn pool_of(url: &url::Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or_default(),
        url.port_or_known_default().unwrap_or(0)
    )
}

/// Verifies an on-premises web ticket: issued, live, and by the pool at `pool` (tickets
/// are scoped to the pool that issued them).
///
/// # Errors
/// [`TokenError`].
pub fn verify_web_ticket(
    state: &State,
    token: Option<&str>,
    pool: &url::Url,
) -> Result<WebTicketGrant, TokenError> {
    let token = token.ok_or(TokenError::Missing)?;
    state
        .web_tickets
        .get(token)
        .filter(|grant| grant.expires_secs > now_secs() && grant.issuer == pool_of(pool))
        .cloned()
        .ok_or(TokenError::Invalid)
}
