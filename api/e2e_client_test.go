package api_test

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

	"talentd/api/apitest"
)

// client talks to the API over a real TCP connection and validates every
// response against the API's own /openapi.json.
type client struct {
	t      *testing.T
	base   string
	http   *http.Client
	router routers.Router
	token  string // the API key sent unless a request names another
}

// response is a received response.
type response struct {
	status int
	header http.Header
	body   []byte
	json   map[string]any
}

// serve starts an http.Server with the env's handler on 127.0.0.1:0.
func serve(t *testing.T, env *apitest.Env) *client {
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
	c := &client{t: t, base: "http://" + ln.Addr().String(), http: &http.Client{Timeout: 10 * time.Second}, token: env.Token}
	doc := c.openAPI()
	if c.router, err = gorillamux.NewRouter(doc); err != nil {
		t.Fatalf("router: %v", err)
	}
	return c
}

// openAPI fetches and loads the document the responses are checked against.
func (c *client) openAPI() *openapi3.T {
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

// do sends a request (body nil, a string, or a value sent as JSON; headers
// as name, value pairs, an empty value dropping the header) with the
// client's API key, and validates the response against the document.
func (c *client) do(method, path string, body any, headers ...string) response {
	c.t.Helper()
	var raw []byte
	switch b := body.(type) {
	case nil:
	case string:
		raw = []byte(b)
	default:
		raw, _ = json.Marshal(b)
	}
	req, err := http.NewRequest(method, c.base+path, bytes.NewReader(raw))
	if err != nil {
		c.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", apitest.Bearer(c.token))
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
		if headers[i+1] == "" {
			req.Header.Del(headers[i])
		}
	}
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	out := response{status: res.StatusCode, header: res.Header}
	out.body, _ = io.ReadAll(res.Body)
	_ = json.Unmarshal(out.body, &out.json)
	c.validate(req, out)
	return out
}

// validate checks a response against the operation the document gives
// for the request.
func (c *client) validate(req *http.Request, res response) {
	c.t.Helper()
	route, params, err := c.router.FindRoute(req)
	if err != nil {
		c.t.Fatalf("%s %s: not in openapi.json: %v", req.Method, req.URL.Path, err)
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 res.status,
		Header:                 res.header,
		Body:                   io.NopCloser(bytes.NewReader(res.body)),
	}
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		c.t.Errorf("%s %s → %d does not match openapi.json: %v\n%s", req.Method, req.URL.Path, res.status, err, res.body)
	}
}

// expect fails the test unless the response has the status.
func (r response) expect(t *testing.T, status int) response {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
	}
	return r
}

// str is a top-level string field of the JSON body.
func (r response) str(name string) string {
	s, _ := r.json[name].(string)
	return s
}
