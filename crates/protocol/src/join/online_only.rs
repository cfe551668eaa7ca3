//! Without the `on-premises` feature the machine joins online meetings only: an app that
//! offers nothing else does not carry the on-premises sign-in. A configured on-premises
//! server ends the join as a link this build cannot use.

use super::{GuestJoin, JoinFailure, OnPremisesServer};
use crate::date::Timestamp;
use crate::error::ProtocolError;
use crate::{HttpRequest, HttpResponse};

/// Nothing: no sign-in ever starts.
#[derive(Debug, Default)]
pub(super) struct State {}

impl State {
    pub(super) fn frame_for(&self, _: &url::Url) -> Option<url::Url> {
        None
    }

    pub(super) fn discovering(&self) -> bool {
        false
    }
}

impl GuestJoin {
    pub(super) fn start_sign_in(&mut self, _server: OnPremisesServer) -> Result<(), ProtocolError> {
        self.fail(JoinFailure::LinkNotUsable);
        Ok(())
    }

    // Nothing below is reached: no sign-in starts, so no ticket is renewed.

    pub(super) fn on_sign_in(&mut self, _: Option<&HttpResponse>, _: Timestamp) -> Result<(), ProtocolError> {
        Ok(())
    }

    pub(super) fn on_ticket_renewed(&mut self, _: &HttpResponse, _: Timestamp) -> Result<(), ProtocolError> {
        Ok(())
    }

    pub(super) fn on_other_pool(
        &mut self,
        _: &super::RequestKind,
        _: &url::Url,
        _: &HttpResponse,
    ) -> Result<bool, ProtocolError> {
        Ok(false)
    }

    pub(super) fn sign_in_request(&self) -> Result<HttpRequest, ProtocolError> {
        Err(self.online_only())
    }

    pub(super) fn renewal_request(&self) -> Result<HttpRequest, ProtocolError> {
        Err(self.online_only())
    }

    fn online_only(&self) -> ProtocolError {
        ProtocolError::InvalidTransition {
            state: self.phase.name(),
            input: "an on-premises request in an online-only build",
        }
    }
}
