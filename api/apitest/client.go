package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// Client talks to a talentd API over a real TCP connection and validates
// every response against the API's own /openapi.json.
type Client struct {
	t      *testing.T
	base   string
	http   *http.Client
	router routers.Router
	// Token is the API key sent unless a request names another.
	Token string
}

// Response is a received response; JSON is its body decoded as an object.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
	JSON   map[string]any
}

// Serve starts an http.Server with the env's handler on 127.0.0.1:0 and
// returns a client of it with the env's admin key.
func Serve(t *testing.T, env *Env) *Client {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: env.Handler, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	})
	return Dial(t, "http://"+ln.Addr().String(), env.Token)
}

// Dial returns a client of the talentd API at base (http://host:port) that
// sends token, with the API's /openapi.json loaded to check responses.
func Dial(t *testing.T, base, token string) *Client {
	c := &Client{t: t, base: base, http: &http.Client{Timeout: 10 * time.Second}, Token: token}
	var err error
	if c.router, err = gorillamux.NewRouter(c.openAPI()); err != nil {
		t.Fatalf("router: %v", err)
	}
	return c
}

// openAPI fetches and loads the document the responses are checked against.
func (c *Client) openAPI() *openapi3.T {
	res, err := c.http.Get(c.base + "/openapi.json")
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		c.t.Fatalf("load openapi.json: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		c.t.Fatalf("openapi.json: %v", err)
	}
	return doc
}

// Do sends a request (body nil, a string, or a value sent as JSON; headers
// as name, value pairs, an empty value dropping the header) with the
// client's API key, and validates the response against the document.
func (c *Client) Do(method, path string, body any, headers ...string) Response {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, bodyReader(c.t, body))
	if err != nil {
		c.t.Fatal(err)
	}
	setHeaders(req, body != nil, c.Token, headers)
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	out := Response{Status: res.StatusCode, Header: res.Header}
	out.Body, _ = io.ReadAll(res.Body)
	_ = json.Unmarshal(out.Body, &out.JSON)
	c.validate(req, out)
	return out
}

// validate checks a response against the operation the document gives
// for the request.
func (c *Client) validate(req *http.Request, res Response) {
	c.t.Helper()
	route, params, err := c.router.FindRoute(req)
	if err != nil {
		c.t.Fatalf("%s %s: not in openapi.json: %v", req.Method, req.URL.Path, err)
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 res.Status,
		Header:                 res.Header,
		Body:                   io.NopCloser(bytes.NewReader(res.Body)),
	}
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		c.t.Errorf("%s %s → %d does not match openapi.json: %v\n%s", req.Method, req.URL.Path, res.Status, err, res.Body)
	}
}

// Expect fails the test unless the response has the status.
func (r Response) Expect(t *testing.T, status int) Response {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, r.Body)
	}
	return r
}

// Str is a top-level string field of the JSON body.
func (r Response) Str(name string) string {
	s, _ := r.JSON[name].(string)
	return s
}
