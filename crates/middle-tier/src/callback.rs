//! The callback endpoint: notifications the meeting service pushes (seed 004, protocol.md
//! §7). Its bearer token is validated before anything else: RS256 only, signature against
//! the keys published in the OpenID configuration (cached, refreshed when an unknown `kid`
//! appears), issuer, audience, tenant, expiry and not-before.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use protocol::callback::{self, CallbackClaims, Notification};
use url::Url;

use crate::AppState;
use crate::shared_fetch::{Fetched, SharedFetch, spawned};

/// How long published keys are used before they are fetched again anyway.
const KEYS_TTL: Duration = Duration::from_secs(24 * 3600);

/// The published signing keys, cached, and fetched by one task at a time: a burst of
/// callbacks signed with a new key causes one fetch, and nobody waits on a lock meanwhile.
#[derive(Debug)]
pub struct KeyCache {
    openid_configuration: Url,
    min_refresh: Duration,
    http: reqwest::Client,
    published: SharedFetch<Arc<Published>, TokenRefusal>,
}

/// What the OpenID configuration publishes: the issuer and its keys.
#[derive(Debug)]
struct Published {
    issuer: String,
    keys: JwkSet,
    fetched: Instant,
}

/// Why a callback token was refused (for the log).
#[derive(Clone, Debug, thiserror::Error)]
pub enum TokenRefusal {
    /// No `Authorization: Bearer`.
    #[error("no bearer token")]
    Missing,
    /// The header cannot be read, or the algorithm is not RS256.
    #[error("malformed token or algorithm not allowed")]
    Malformed,
    /// No published key has the token's `kid`, even after a refresh.
    #[error("unknown signing key")]
    UnknownKey,
    /// The keys could not be fetched.
    #[error("signing keys unavailable: {0}")]
    KeysUnavailable(String),
    /// Signature, expiry, not-before, issuer or audience failed.
    #[error("token rejected: {0}")]
    Rejected(String),
    /// The tenant claim is not ours.
    #[error("token is for another tenant")]
    WrongTenant,
}

impl KeyCache {
    /// A cache for keys published at `openid_configuration`, refreshed at most every
    /// `min_refresh` for unknown key ids.
    pub fn new(openid_configuration: Url, min_refresh: Duration) -> Self {
        Self {
            openid_configuration,
            min_refresh,
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .unwrap_or_default(),
            published: SharedFetch::new(),
        }
    }

    /// The key for `kid` and the expected issuer, fetching the keys again once if the key
    /// is unknown (a key rollover), but not more often than every `min_refresh`.
    async fn key(&self, kid: &str) -> Result<(DecodingKey, String), TokenRefusal> {
        if let Some(published) = self.published.fresh() {
            if let Some(jwk) = published.keys.find(kid) {
                let key = DecodingKey::from_jwk(jwk).map_err(|_| TokenRefusal::UnknownKey)?;
                return Ok((key, published.issuer.clone()));
            }
            if published.fetched.elapsed() < self.min_refresh {
                return Err(TokenRefusal::UnknownKey);
            }
            self.published.forget();
        }
        let start = || {
            spawned(
                fetch(self.http.clone(), self.openid_configuration.clone()),
                TokenRefusal::KeysUnavailable("the fetch stopped before it finished".to_owned()),
            )
        };
        let (published, _) = self.published.get(start).await?;
        match published.keys.find(kid).map(DecodingKey::from_jwk) {
            Some(Ok(key)) => Ok((key, published.issuer.clone())),
            _ => Err(TokenRefusal::UnknownKey),
        }
    }
}

/// GETs a JSON document of the key publication.
async fn get_json<T: serde::de::DeserializeOwned>(
    http: &reqwest::Client,
    url: impl reqwest::IntoUrl,
) -> Result<T, TokenRefusal> {
    let fetched = async { http.get(url).send().await?.error_for_status()?.json().await };
    fetched
        .await
        .map_err(|e: reqwest::Error| TokenRefusal::KeysUnavailable(e.without_url().to_string()))
}

/// The OpenID configuration at `openid_configuration`, and the keys it points to.
async fn fetch(http: reqwest::Client, openid_configuration: Url) -> Fetched<Arc<Published>, TokenRefusal> {
    let configuration: serde_json::Value = get_json(&http, openid_configuration).await?;
    let missing =
        |what: &str| TokenRefusal::KeysUnavailable(format!("the OpenID configuration has no {what}"));
    let jwks_uri = configuration["jwks_uri"]
        .as_str()
        .ok_or_else(|| missing("jwks_uri"))?;
    let issuer = configuration["issuer"]
        .as_str()
        .ok_or_else(|| missing("issuer"))?
        .to_owned();
    let keys: JwkSet = get_json(&http, jwks_uri).await?;
    tracing::info!(keys = keys.keys.len(), "fetched callback signing keys");
    let fetched = Instant::now();
    Ok((
        Arc::new(Published {
            issuer,
            keys,
            fetched,
        }),
        fetched + KEYS_TTL,
    ))
}

/// Validates a callback's bearer token.
///
/// # Errors
/// [`TokenRefusal`].
pub async fn validate(state: &AppState, headers: &HeaderMap) -> Result<CallbackClaims, TokenRefusal> {
    let token = headers
        .get(http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .ok_or(TokenRefusal::Missing)?
        .trim();
    let header = jsonwebtoken::decode_header(token).map_err(|_| TokenRefusal::Malformed)?;
    if header.alg != Algorithm::RS256 {
        return Err(TokenRefusal::Malformed);
    }
    let kid = header.kid.ok_or(TokenRefusal::Malformed)?;
    let (key, issuer) = state.keys.key(&kid).await?;
    let mut validation = Validation::new(Algorithm::RS256);
    validation.set_audience(&[state.settings.callback_audience.as_str()]);
    validation.set_issuer(&[issuer.as_str()]);
    validation.validate_nbf = true;
    validation.leeway = 60;
    validation.set_required_spec_claims(&["exp", "iss", "aud"]);
    let claims = jsonwebtoken::decode::<CallbackClaims>(token, &key, &validation)
        .map_err(|e| TokenRefusal::Rejected(e.to_string()))?
        .claims;
    // The issuer names the tenant (`https://sts.windows.net/<tenant id>/`); `tid` must agree.
    let tenant_ok = claims
        .tid
        .as_deref()
        .is_some_and(|tid| !tid.is_empty() && issuer.contains(&format!("/{tid}/")));
    if !tenant_ok {
        return Err(TokenRefusal::WrongTenant);
    }
    Ok(claims)
}

/// `POST /api/v1/callback`.
pub async fn receive(State(state): State<Arc<AppState>>, headers: HeaderMap, body: Bytes) -> Response {
    if let Err(refusal) = validate(&state, &headers).await {
        tracing::warn!(%refusal, "callback refused");
        let status = if matches!(refusal, TokenRefusal::KeysUnavailable(_)) {
            StatusCode::SERVICE_UNAVAILABLE
        } else {
            StatusCode::UNAUTHORIZED
        };
        return status.into_response();
    }
    match callback::parse_notification(&body) {
        // Seed 004: answering a legacy notification 204 asks for the Graph form instead.
        Ok(Notification::Legacy(_)) => StatusCode::NO_CONTENT.into_response(),
        Ok(Notification::Graph(notifications)) => {
            tracing::info!(
                count = notifications.value.len(),
                "callback notifications received"
            );
            StatusCode::ACCEPTED.into_response()
        }
        Err(error) => {
            tracing::warn!(%error, "unreadable callback body");
            StatusCode::BAD_REQUEST.into_response()
        }
    }
}
