//! The Azure AD host: client-credentials tokens, the OpenID configuration and its keys.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::json;

use crate::auth::{self, AadClaims};
use crate::config::Permission;
use crate::ids::now_secs;
use crate::reply;
use crate::state::HostState;

/// The Azure AD routes.
pub fn routes() -> Router<HostState> {
    Router::new()
        .route("/{tenant}/oauth2/token", post(token))
        .route(
            "/{tenant}/.well-known/openid-configuration",
            get(openid_configuration),
        )
        .route("/common/discovery/keys", get(keys))
}

async fn token(
    State(host): State<HostState>,
    Path(tenant): Path<String>,
    headers: HeaderMap,
    body: String,
) -> Response {
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        });
    if !form {
        return reply::aad_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            900_144,
            "The request body must be application/x-www-form-urlencoded.",
        );
    }
    let field = |name: &str| {
        url::form_urlencoded::parse(body.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    if field("grant_type").as_deref() != Some("client_credentials") {
        return reply::aad_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            70_003,
            "The app requested an unsupported grant type; use client_credentials.",
        );
    }
    let Some(client_id) = field("client_id") else {
        return reply::aad_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            900_144,
            "The request body must contain the following parameter: 'client_id'.",
        );
    };
    let state = host.store.lock();
    let Some(tenant) = state
        .tenants
        .iter()
        .find(|t| {
            t.id.eq_ignore_ascii_case(&tenant)
                || t.domain.eq_ignore_ascii_case(&tenant)
                || t.name.eq_ignore_ascii_case(&tenant)
        })
        .cloned()
    else {
        return reply::aad_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            90_002,
            "Tenant not found.",
        );
    };
    let Some(app) = state
        .registrations
        .iter()
        .find(|a| a.client_id.eq_ignore_ascii_case(&client_id) && a.tenant == tenant.id)
        .cloned()
    else {
        return reply::aad_error(
            StatusCode::BAD_REQUEST,
            "unauthorized_client",
            700_016,
            "Application was not found in the directory.",
        );
    };
    drop(state);
    match field("client_secret") {
        None => {
            return reply::aad_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                7_000_216,
                "'client_assertion' or 'client_secret' is required.",
            );
        }
        Some(secret) if !constant_time_eq(secret.as_bytes(), app.client_secret.as_bytes()) => {
            return reply::aad_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                7_000_215,
                "Invalid client secret provided.",
            );
        }
        Some(_) => {}
    }
    let resource = field("resource").unwrap_or_default();
    let audiences = auth::accepted_audiences(&host.store.hosts);
    let Some(audience) = audiences
        .iter()
        .find(|a| a.eq_ignore_ascii_case(resource.trim_end_matches('/')))
    else {
        return reply::aad_error(
            StatusCode::BAD_REQUEST,
            "invalid_resource",
            500_011,
            "The resource principal was not found in the tenant.",
        );
    };
    if !app.consented {
        return reply::aad_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            65_001,
            "The user or administrator has not consented to use the application.",
        );
    }
    let now = now_secs();
    let lifetime = i64::try_from(host.store.timers.aad_token_lifetime_secs).unwrap_or(3600);
    let claims = AadClaims {
        aud: audience.clone(),
        iss: format!("https://sts.windows.net/{}/", tenant.id),
        iat: now,
        nbf: now,
        exp: now.saturating_add(lifetime),
        appid: app.client_id.clone(),
        appidacr: "1".to_owned(),
        tid: tenant.id.clone(),
        roles: app
            .permissions
            .iter()
            .map(|p| match p {
                Permission::GuestJoin => "Platform.AnonymousMeetingJoin",
                Permission::CreateMeetings => "Platform.AdhocMeeting",
                Permission::Messaging => "Platform.Messaging",
            })
            .map(str::to_owned)
            .collect(),
        ver: "1.0".to_owned(),
    };
    let token = host.store.keys().sign(&claims);
    // AAD v1 writes every number as a string.
    axum::Json(json!({
        "token_type": "Bearer",
        "expires_in": lifetime.to_string(),
        "ext_expires_in": lifetime.to_string(),
        "expires_on": now.saturating_add(lifetime).to_string(),
        "not_before": now.to_string(),
        "resource": resource,
        "access_token": token,
    }))
    .into_response()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn openid_configuration(State(host): State<HostState>, Path(tenant): Path<String>) -> Response {
    let login = host.store.hosts.login.as_str().trim_end_matches('/').to_owned();
    let issuer = {
        let state = host.store.lock();
        state
            .tenants
            .iter()
            .find(|t| t.id.eq_ignore_ascii_case(&tenant) || t.domain.eq_ignore_ascii_case(&tenant))
            .map_or_else(
                || "https://sts.windows.net/{tenantid}/".to_owned(),
                |t| format!("https://sts.windows.net/{}/", t.id),
            )
    };
    axum::Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{login}/{tenant}/oauth2/authorize"),
        "token_endpoint": format!("{login}/{tenant}/oauth2/token"),
        "jwks_uri": format!("{login}/common/discovery/keys"),
        "id_token_signing_alg_values_supported": ["RS256"],
        "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt"],
        "response_types_supported": ["code", "id_token", "code id_token", "token id_token", "token"],
    }))
    .into_response()
}

async fn keys(State(host): State<HostState>) -> Response {
    axum::Json(host.store.keys().jwks()).into_response()
}
