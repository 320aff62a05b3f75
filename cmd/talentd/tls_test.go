package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// selfSigned writes a certificate for 127.0.0.1 and its key as PEM files
// and returns their paths and a pool that trusts the certificate.
func selfSigned(t *testing.T) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "talentd test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

// TestServesTLS: with a certificate talentd serves HTTPS (TLS 1.2 or
// later) and sends HSTS.
func TestServesTLS(t *testing.T) {
	certFile, keyFile, pool := selfSigned(t)
	inst := launch(t, map[string]string{"TALENTD_TLS_CERT": certFile, "TALENTD_TLS_KEY": keyFile}, "-data-dir", t.TempDir())
	if !strings.HasPrefix(inst.url, "https://") {
		t.Fatalf("listening on %s", inst.url)
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	res, err := client.Get(inst.url + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || res.Header.Get("Strict-Transport-Security") == "" || res.TLS == nil {
		t.Errorf("GET /healthz over TLS: %d %v", res.StatusCode, res.Header)
	}
	old := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MaxVersion: tls.VersionTLS11}}}
	if _, err := old.Get(inst.url + "/healthz"); err == nil {
		t.Error("TLS 1.1 accepted")
	}
}

// TestServingSettingsRefused: settings that would serve less safely than
// asked stop talentd before it listens.
func TestServingSettingsRefused(t *testing.T) {
	certFile, _, _ := selfSigned(t)
	cases := map[string][]string{
		"half a TLS pair":      {"-tls-cert", certFile},
		"unreadable TLS pair":  {"-tls-cert", certFile, "-tls-key", certFile},
		"wildcard CORS origin": {"-cors-origins", "*"},
		"CORS origin path":     {"-cors-origins", "https://a.example/app"},
		"negative rate":        {"-rate-limit", "-1"},
		"rate not a number":    {"-rate-limit", "fast"},
	}
	for name, args := range cases {
		_, _, err := cli(t, nil, append([]string{"-http-addr", "127.0.0.1:0", "-data-dir", t.TempDir()}, args...)...)
		if err == nil {
			t.Errorf("%s: talentd started", name)
		}
	}
}
