# syntax=docker/dockerfile:1
#
# The middle tier, with the app it hosts, built from source:
#
#   docker build -t guest-join .
#   docker run --rm -p 8080:8080 --env-file middle-tier.env \
#     -v /etc/guest-join/client-secret:/run/secrets/client-secret:ro \
#     -e GUEST_JOIN_CLIENT_SECRET_FILE=/run/secrets/client-secret guest-join
#
# Stages: `tools` installs what building the app needs; `app` builds the browser app
# (`./x build`: the page, and the wasm split into parts); `service` builds the middle tier; the last stage is Debian slim
# with nothing but the program and the app's files, run as an unprivileged user. Every
# download comes from crates.io, npm or Debian, as in `./x`.

ARG RUST_VERSION=1.95
ARG DEBIAN=trixie

FROM rust:${RUST_VERSION}-slim-${DEBIAN} AS tools
WORKDIR /src
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm python3 \
 && rm -rf /var/lib/apt/lists/*
RUN rustup target add wasm32-unknown-unknown
COPY Cargo.lock x package.json package-lock.json ./
# The versions `./x` pins: Trunk, wasm-split-cli, the wasm-bindgen CLI of the lockfile, and
# npm's wasm-opt.
RUN ./x setup-build

FROM tools AS app
COPY . .
RUN ./x build

FROM rust:${RUST_VERSION}-slim-${DEBIAN} AS service
WORKDIR /src
COPY . .
RUN cargo build --locked --profile server -p middle-tier

FROM debian:${DEBIAN}-slim
# The program brings its own TLS roots (webpki-roots); it needs nothing installed.
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin guest-join
COPY --from=service /src/target/server/middle-tier /usr/local/bin/middle-tier
COPY --from=app /src/dist /srv/guest-join
ENV GUEST_JOIN_LISTEN=0.0.0.0:8080 \
    GUEST_JOIN_METRICS_LISTEN=0.0.0.0:9464 \
    GUEST_JOIN_STATIC_DIR=/srv/guest-join \
    GUEST_JOIN_LOG_FORMAT=json
USER 10001:10001
# 8080 is the API and the app, for the TLS proxy; 9464 the metrics, for Prometheus only.
EXPOSE 8080 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["/usr/local/bin/middle-tier", "health", "http://127.0.0.1:8080/healthz"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/middle-tier"]
