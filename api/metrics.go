package api

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"talentd/registry"
)

// metrics are the API's Prometheus metrics. Labels are route patterns,
// methods, statuses and record kinds only: never a raw path, an id, a key
// or anything a client typed.
type metrics struct {
	gatherer    prometheus.Gatherer
	requests    *prometheus.CounterVec
	duration    *prometheus.HistogramVec
	created     *prometheus.CounterVec
	reveals     *prometheus.CounterVec
	authFailed  prometheus.Counter
	rateLimited prometheus.Counter
}

// newMetrics registers the API's metrics with reg; nil makes a registry
// with the Go and process collectors too.
func newMetrics(reg *prometheus.Registry) *metrics {
	if reg == nil {
		reg = prometheus.NewRegistry()
		reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	return &metrics{
		gatherer: reg,
		requests: register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "talentd_http_requests_total", Help: "HTTP requests by method, route pattern and status.",
		}, []string{"method", "route", "status"})),
		duration: register(reg, prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "talentd_http_request_duration_seconds", Help: "HTTP request latency by method and route pattern.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"method", "route"})),
		created: register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "talentd_records_created_total", Help: "Records created through the API, by kind.",
		}, []string{"kind"})),
		reveals: register(reg, prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "talentd_pii_reveals_total", Help: "Records shown with personal numbers in clear, by kind.",
		}, []string{"kind"})),
		authFailed: register(reg, prometheus.NewCounter(prometheus.CounterOpts{
			Name: "talentd_http_auth_failures_total", Help: "Requests refused for a missing or invalid API key.",
		})),
		rateLimited: register(reg, prometheus.NewCounter(prometheus.CounterOpts{
			Name: "talentd_http_rate_limited_total", Help: "Requests refused by the per-key rate limit.",
		})),
	}
}

// register adds c to reg, or returns the equal collector already there
// (two handlers sharing one registry).
func register[C prometheus.Collector](reg prometheus.Registerer, c C) C {
	err := reg.Register(c)
	var are prometheus.AlreadyRegisteredError
	if errors.As(err, &are) {
		if existing, ok := are.ExistingCollector.(C); ok {
			return existing
		}
	}
	if err != nil {
		panic(err) // a name clash with another kind of metric is a wiring bug
	}
	return c
}

// observe counts and times every request.
func (m *metrics) observe(c *gin.Context) {
	start := time.Now()
	c.Next()
	method, route := methodLabel(c.Request.Method), routeOf(c)
	m.requests.WithLabelValues(method, route, strconv.Itoa(c.Writer.Status())).Inc()
	m.duration.WithLabelValues(method, route).Observe(time.Since(start).Seconds())
}

// recordCreated counts a new record of the kind.
func (m *metrics) recordCreated(k registry.Kind) { m.created.WithLabelValues(string(k)).Inc() }

// methodLabel keeps the label set small: a method the API does not know
// is OTHER.
func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions:
		return m
	}
	return "OTHER"
}

// serveMetrics answers GET /metrics in the Prometheus text format.
func (s *server) serveMetrics() gin.HandlerFunc {
	return gin.WrapH(promhttp.HandlerFor(s.metrics.gatherer, promhttp.HandlerOpts{}))
}
