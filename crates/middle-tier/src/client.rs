//! Who the client is. Directly connected, it is the TCP peer. Behind the TLS proxy the
//! service needs, every peer is the proxy, so the proxy's forwarding header is read: the
//! client is the right-most hop no trusted proxy owns. Only proxies listed in the settings
//! are believed, and only the one header they write, since anything to the left of what a
//! trusted proxy appended was written by the client and can say anything.
//!
//! Rate limits count per [`ClientKey`]: an IPv4 address, or an IPv6 /64, the block one
//! subscriber or host usually holds whole.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderName, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::config::{ForwardedHeader, Proxies};

/// The client's address, as [`identify`] found it; an extension of every request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

/// What a rate limit counts requests by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClientKey {
    /// One IPv4 address.
    V4(Ipv4Addr),
    /// The first 64 bits of an IPv6 address.
    V6Prefix(u64),
    /// Clients beyond what the limiter remembers, who share one allowance until it has
    /// room again.
    Overflow,
}

impl ClientKey {
    /// The key of `address`: IPv6 addresses are grouped by /64, since one host may use any
    /// address in its /64 (IPv4-mapped addresses count as IPv4).
    pub fn of(address: IpAddr) -> Self {
        match address.to_canonical() {
            IpAddr::V4(v4) => Self::V4(v4),
            IpAddr::V6(v6) => Self::V6Prefix((v6.to_bits() >> 64) as u64),
        }
    }
}

/// The client of a request that came from `peer` with `headers`.
pub fn client_address(peer: IpAddr, headers: &HeaderMap, proxies: &Proxies) -> IpAddr {
    let peer = peer.to_canonical();
    let trusted = |address: IpAddr| proxies.trusted.iter().any(|net| net.contains(&address));
    if !trusted(peer) {
        return peer;
    }
    let hops = match proxies.header {
        ForwardedHeader::XForwardedFor => x_forwarded_for(headers),
        ForwardedHeader::Forwarded => forwarded(headers),
    };
    // Walk from the proxy nearest to us outwards; every address a trusted proxy wrote is
    // as good as its word, up to the first one it does not own.
    let mut client = peer;
    for hop in hops.into_iter().rev() {
        match hop {
            Some(address) => {
                client = address.to_canonical();
                if !trusted(client) {
                    return client;
                }
            }
            // A trusted proxy wrote something that is not an address ("unknown", an
            // obfuscated name): that proxy is the last address known for sure.
            None => return client,
        }
    }
    client
}

/// Every value of `name`, in order, as one comma-separated list.
fn list_items<'a>(headers: &'a HeaderMap, name: &HeaderName) -> impl Iterator<Item = &'a str> {
    headers
        .get_all(name)
        .iter()
        .flat_map(|value| value.to_str().unwrap_or("?").split(','))
        .map(str::trim)
}

/// `X-Forwarded-For: 203.0.113.7, 10.0.0.2`; an entry that is no address is `None`.
fn x_forwarded_for(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    list_items(headers, &HeaderName::from_static("x-forwarded-for"))
        .map(node_address)
        .collect()
}

/// RFC 7239: `Forwarded: for=203.0.113.7;proto=https, for="[2001:db8::1]:443"`.
fn forwarded(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    list_items(headers, &header::FORWARDED)
        .map(|element| {
            element
                .split(';')
                .filter_map(|pair| pair.split_once('='))
                .find(|(name, _)| name.trim().eq_ignore_ascii_case("for"))
                .and_then(|(_, node)| node_address(node.trim().trim_matches('"')))
        })
        .collect()
}

/// An address, with or without a port, IPv6 with or without brackets.
fn node_address(node: &str) -> Option<IpAddr> {
    let node = node.trim();
    node.parse::<IpAddr>()
        .ok()
        .or_else(|| node.parse::<SocketAddr>().ok().map(|socket| socket.ip()))
        .or_else(|| {
            node.strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
                .and_then(|inner| inner.parse().ok())
        })
}

/// Finds the client of every request and records it as a [`ClientAddress`]. A request
/// that arrived without a peer address (in-process tests) counts as from `0.0.0.0`.
pub async fn identify(State(proxies): State<Proxies>, mut request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |ConnectInfo(address)| address.ip());
    let client = client_address(peer, request.headers(), &proxies);
    request.extensions_mut().insert(ClientAddress(client));
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;
    use ipnet::IpNet;

    use super::*;

    fn proxies(trusted: &[&str], header: ForwardedHeader) -> Proxies {
        Proxies {
            trusted: trusted
                .iter()
                .map(|t| t.parse::<IpNet>().expect("network"))
                .collect(),
            header,
        }
    }

    fn headers(name: &'static str, values: &[&'static str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(name, HeaderValue::from_static(value));
        }
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_claims() {
        let proxies = proxies(&["10.0.0.0/8"], ForwardedHeader::XForwardedFor);
        let claims = headers("x-forwarded-for", &["198.51.100.1"]);
        assert_eq!(
            client_address(ip("203.0.113.9"), &claims, &proxies),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn behind_trusted_proxies_the_client_is_the_right_most_untrusted_hop() {
        let proxies = proxies(&["10.0.0.0/8", "192.0.2.1/32"], ForwardedHeader::XForwardedFor);
        let cases: &[(&[&'static str], &str)] = &[
            (&["203.0.113.7"], "203.0.113.7"),
            // The client wrote the left-most entry itself; the proxies appended the rest.
            (&["198.51.100.66, 203.0.113.7, 192.0.2.1"], "203.0.113.7"),
            // Several header lines are one list.
            (&["198.51.100.66", "203.0.113.7", "10.1.1.1"], "203.0.113.7"),
            (&["203.0.113.7:51234"], "203.0.113.7"),
            (&["[2001:db8::7]:443"], "2001:db8::7"),
            (&["::ffff:203.0.113.7"], "203.0.113.7"),
            // Every hop trusted: the furthest one is the client.
            (&["10.9.9.9, 10.1.1.1"], "10.9.9.9"),
            // A hop that is not an address ends what can be known: its writer.
            (&["203.0.113.7, unknown, 10.1.1.1"], "10.1.1.1"),
            // No header: the proxy itself.
            (&[], "10.0.0.2"),
        ];
        for (values, client) in cases {
            assert_eq!(
                client_address(ip("10.0.0.2"), &headers("x-forwarded-for", values), &proxies),
                ip(client),
                "{values:?}"
            );
        }
    }

    #[test]
    fn the_header_the_proxies_do_not_write_is_never_read() {
        let xff = proxies(&["10.0.0.0/8"], ForwardedHeader::XForwardedFor);
        let forged = headers("forwarded", &["for=198.51.100.66"]);
        assert_eq!(client_address(ip("10.0.0.2"), &forged, &xff), ip("10.0.0.2"));
        let rfc = proxies(&["10.0.0.0/8"], ForwardedHeader::Forwarded);
        let forged = headers("x-forwarded-for", &["198.51.100.66"]);
        assert_eq!(client_address(ip("10.0.0.2"), &forged, &rfc), ip("10.0.0.2"));
    }

    #[test]
    fn forwarded_elements_name_their_for_node() {
        let proxies = proxies(&["10.0.0.0/8"], ForwardedHeader::Forwarded);
        let cases: &[(&[&'static str], &str)] = &[
            (&["for=203.0.113.7;proto=https;by=10.0.0.2"], "203.0.113.7"),
            (
                &["for=198.51.100.66, For=\"[2001:db8::7]:4711\";proto=https"],
                "2001:db8::7",
            ),
            (&["for=203.0.113.7", "for=10.3.3.3"], "203.0.113.7"),
            (&["for=203.0.113.7, for=_hidden"], "10.0.0.2"),
            (&["proto=https"], "10.0.0.2"),
        ];
        for (values, client) in cases {
            assert_eq!(
                client_address(ip("10.0.0.2"), &headers("forwarded", values), &proxies),
                ip(client),
                "{values:?}"
            );
        }
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64_bit_prefix() {
        assert_eq!(
            ClientKey::of(ip("2001:db8:1:2::1")),
            ClientKey::of(ip("2001:db8:1:2:ffff:ffff:ffff:ffff"))
        );
        assert_ne!(
            ClientKey::of(ip("2001:db8:1:2::1")),
            ClientKey::of(ip("2001:db8:1:3::1"))
        );
        assert_eq!(
            ClientKey::of(ip("::ffff:192.0.2.1")),
            ClientKey::V4(Ipv4Addr::new(192, 0, 2, 1))
        );
        assert_ne!(ClientKey::of(ip("192.0.2.1")), ClientKey::of(ip("192.0.2.2")));
    }
}
