package main

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/url"

	"talentd/api"
)

// checkSecurity refuses settings that would serve less safely than asked:
// half a TLS pair, an unreadable certificate, a CORS origin that is not an
// exact scheme://host[:port], a negative rate limit.
func checkSecurity(cfg config) error {
	if (cfg.TLSCert == "") != (cfg.TLSKey == "") {
		return fmt.Errorf("talentd: -tls-cert and -tls-key go together")
	}
	if cfg.TLSCert != "" {
		if _, err := tls.LoadX509KeyPair(cfg.TLSCert, cfg.TLSKey); err != nil {
			return fmt.Errorf("talentd: TLS certificate: %w", err)
		}
	}
	for _, o := range cfg.CORSOrigins {
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
			u.Path != "" || u.RawQuery != "" || u.User != nil || u.Fragment != "" {
			return fmt.Errorf("talentd: CORS origin %q is not scheme://host[:port]", o)
		}
	}
	if cfg.RateLimit < 0 || cfg.RateBurst < 0 {
		return fmt.Errorf("talentd: the rate limit and burst may not be negative")
	}
	return nil
}

// rateLimitOf is the API's per-key rate limit.
func rateLimitOf(cfg config) api.RateLimit {
	return api.RateLimit{PerSecond: cfg.RateLimit, Burst: cfg.RateBurst}
}

// schemeOf is the URL scheme talentd serves.
func schemeOf(cfg config) string {
	if cfg.TLSCert != "" {
		return "https"
	}
	return "http"
}

// serveOn serves HTTP on ln, or HTTPS (TLS 1.2 or later) when a
// certificate is configured.
func serveOn(srv *http.Server, ln net.Listener, cfg config) error {
	if cfg.TLSCert == "" {
		return srv.Serve(ln)
	}
	srv.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	return srv.ServeTLS(ln, cfg.TLSCert, cfg.TLSKey)
}
