//! The on-premises join's own steps in the machine (the `on-premises` feature): the
//! server's sign-in in place of the middle tier's token and the online discover, and the
//! web ticket's renewal with `ms_rtc_renew`, which keeps the guest's identity.

use url::Url;

use super::{Access, Discovered, GuestJoin, JoinFailure, OnPremisesServer, RequestKind};
use crate::date::Timestamp;
use crate::error::ProtocolError;
use crate::on_premises::{Next, SignIn, SignInError, WebTicketService};
use crate::{HttpRequest, HttpResponse};

/// Where the on-premises sign-in is.
#[derive(Default)]
pub(super) struct State {
    /// The sign-in under way, and the request it asked for last.
    sign_in: Option<(SignIn, HttpRequest)>,
    /// Where the web ticket was issued, to renew it there.
    ticket_service: Option<WebTicketService>,
    /// The next ticket is a first one from another pool, not a renewal.
    fresh_ticket: bool,
    /// The cross-domain frames learned, once signed in (while signing in, the sign-in's).
    frames: Vec<Url>,
}

impl State {
    /// The cross-domain frame that carries requests to `url`'s origin, if the server named
    /// one (or it is an autodiscovery root's).
    pub(super) fn frame_for(&self, url: &Url) -> Option<Url> {
        let frames = match &self.sign_in {
            Some((sign_in, _)) => sign_in.frames(),
            None => &self.frames,
        };
        crate::on_premises::frame_for(frames, url).cloned()
    }

    /// Whether the sign-in is still asking autodiscovery roots.
    pub(super) fn discovering(&self) -> bool {
        self.sign_in
            .as_ref()
            .is_some_and(|(sign_in, _)| sign_in.discovering())
    }
}

impl std::fmt::Debug for State {
    // The last request can carry the web ticket, in its header or its form.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State")
            .field("signing_in", &self.sign_in.is_some())
            .field("ticket_service", &self.ticket_service)
            .field("fresh_ticket", &self.fresh_ticket)
            .field("frames", &self.frames)
            .finish()
    }
}

impl GuestJoin {
    /// Starts signing in to `server`.
    pub(super) fn start_sign_in(&mut self, server: OnPremisesServer) -> Result<(), ProtocolError> {
        match SignIn::start(server.conference, server.roots, server.trusted_hosts) {
            Ok(started) => {
                self.on_premises.sign_in = Some(started);
                self.send(RequestKind::SignIn, 0)
            }
            Err(_) => {
                self.fail(JoinFailure::LinkNotUsable);
                Ok(())
            }
        }
    }

    /// The next step of the on-premises sign-in; once signed in, the application is made
    /// as after an online discover.
    pub(super) fn on_sign_in(
        &mut self,
        response: Option<&HttpResponse>,
        now: Timestamp,
    ) -> Result<(), ProtocolError> {
        let Some((mut sign_in, _)) = self.on_premises.sign_in.take() else {
            return Ok(());
        };
        match sign_in.on_response(response) {
            Ok(Next::Send(request)) => {
                self.on_premises.sign_in = Some((sign_in, request));
                self.send(RequestKind::SignIn, 0)
            }
            Ok(Next::Done(signed_in)) => {
                let conference_uri = self
                    .config
                    .on_premises
                    .as_ref()
                    .map(|server| server.conference.to_string())
                    .unwrap_or_default();
                let expires_at = now.plus_millis(signed_in.ticket.expires_in.saturating_mul(1000));
                self.reach.set_access(Access {
                    token: signed_in.ticket.access_token,
                    discover_url: signed_in.applications.clone(),
                });
                self.on_premises.ticket_service = Some(signed_in.service);
                self.on_premises.frames = signed_in.frames;
                self.schedule_token_renewal(expires_at, now);
                self.on_discovered(Discovered {
                    anon_applications: signed_in.applications,
                    conference_uri,
                })
            }
            Err(error) => {
                self.fail(match error {
                    SignInError::OriginRefused => JoinFailure::OriginNotAllowed,
                    // A wrong conference or key: no such meeting on this server.
                    SignInError::Refused(refused) if refused.error == "invalid_grant" => {
                        JoinFailure::MeetingNotFound
                    }
                    SignInError::Refused(refused) if refused.error == "unsupported_grant_type" => {
                        JoinFailure::Refused
                    }
                    SignInError::Refused(refused) if refused.error == "server_error" => {
                        JoinFailure::ServiceUnavailable
                    }
                    SignInError::Refused(_) => JoinFailure::Incompatible,
                    SignInError::GuestsNotAllowed => JoinFailure::Refused,
                    SignInError::NoServer | SignInError::NoAnswer => JoinFailure::NetworkLost,
                    SignInError::TooManySteps | SignInError::Protocol(_) => JoinFailure::Incompatible,
                });
                Ok(())
            }
        }
    }

    /// The renewed web ticket: the same guest, for another hour.
    pub(super) fn on_ticket_renewed(
        &mut self,
        response: &HttpResponse,
        now: Timestamp,
    ) -> Result<(), ProtocolError> {
        let Ok(ticket) = crate::on_premises::read_web_ticket(response) else {
            self.fail(JoinFailure::AccessExpired);
            return Ok(());
        };
        let expires_at = now.plus_millis(ticket.expires_in.saturating_mul(1000));
        self.on_premises.fresh_ticket = false;
        if let Some(access) = self.reach.access_mut() {
            access.token = ticket.access_token;
        }
        // The renewal count is not reset here: a request that a fresh ticket still cannot
        // make must not go round renewing forever.
        self.schedule_token_renewal(expires_at, now);
        for kind in std::mem::take(&mut self.awaiting_token) {
            self.send(kind, 0)?;
        }
        Ok(())
    }

    /// The sign-in's current request, again.
    pub(super) fn sign_in_request(&self) -> Result<HttpRequest, ProtocolError> {
        let (_, request) = self
            .on_premises
            .sign_in
            .as_ref()
            .ok_or(ProtocolError::InvalidTransition {
                state: self.phase.name(),
                input: "a sign-in step without a sign-in",
            })?;
        crate::http_util::redirected(request, &crate::http_util::request_url(request)?)
    }

    /// A `401` from another pool than the ticket's (a split domain, protocol.md §3.5): its
    /// challenge names that pool's own web-ticket service, so a first ticket from there,
    /// and then `kind` again. Returns whether the answer was that.
    pub(super) fn on_other_pool(
        &mut self,
        kind: &RequestKind,
        url: &Url,
        response: &HttpResponse,
    ) -> Result<bool, ProtocolError> {
        let Some(current) = &self.on_premises.ticket_service else {
            return Ok(false);
        };
        let Ok(service) = crate::on_premises::web_ticket_service(response, url) else {
            return Ok(false);
        };
        if crate::on_premises::ticket_covers(&current.href, &service.href) {
            return Ok(false);
        }
        if !service.allows_guests() {
            self.fail(JoinFailure::Refused);
            return Ok(true);
        }
        self.on_premises.ticket_service = Some(service);
        self.on_premises.fresh_ticket = true;
        self.renew_token(Some(kind.clone()))?;
        Ok(true)
    }

    /// The request that renews the web ticket (or gets a first one from another pool).
    pub(super) fn renewal_request(&self) -> Result<HttpRequest, ProtocolError> {
        let (service, server) = self
            .on_premises
            .ticket_service
            .as_ref()
            .zip(self.config.on_premises.as_ref())
            .ok_or(ProtocolError::InvalidTransition {
                state: self.phase.name(),
                input: "renew a ticket never issued",
            })?;
        let renew = if self.on_premises.fresh_ticket {
            None
        } else {
            Some(self.token()?)
        };
        crate::on_premises::web_ticket_request(service, &server.conference, renew)
    }
}
