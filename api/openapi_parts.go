package api

import (
	"net/http"
	"strconv"
)

// operation is one OpenAPI operation.
func operation(id, summary string, params []any, body obj, responses obj) obj {
	op := obj{"operationId": id, "summary": summary, "responses": responses}
	if len(params) > 0 {
		op["parameters"] = params
	}
	if body != nil {
		op["requestBody"] = body
	}
	return op
}

// problemStatuses are the statuses with a shared problem response.
var problemStatuses = []int{400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 503}

// withProblems adds the problem responses of the statuses, and the
// default (any other error, 405 and 500 included), to responses.
func withProblems(responses obj, statuses ...int) obj {
	for _, st := range statuses {
		responses[strconv.Itoa(st)] = obj{"$ref": "#/components/responses/Problem" + strconv.Itoa(st)}
	}
	responses["default"] = obj{"$ref": "#/components/responses/Problem"}
	return responses
}

func problemResponses() obj {
	out := obj{"Problem": problemResponse("Error", 0)}
	for _, st := range problemStatuses {
		out["Problem"+strconv.Itoa(st)] = problemResponse(http.StatusText(st), st)
	}
	return out
}

func problemResponse(desc string, status int) obj {
	return obj{"description": desc, "headers": problemHeaders(status),
		"content": obj{ContentTypeProblem: obj{"schema": refTo("Problem")}}}
}

func headerDefs() obj {
	str := obj{"schema": obj{"type": "string"}}
	return obj{
		"ETag":            withDesc(str, "The record's version, quoted; send it back in If-Match"),
		"Location":        withDesc(str, "The new record's URL"),
		"RequestID":       withDesc(str, "The request id (echoed or made), also the problem's instance"),
		"Replayed":        withDesc(str, "true when answered from an earlier request with the same Idempotency-Key"),
		"WWWAuthenticate": withDesc(str, `Bearer realm="talentd"`),
		"RetryAfter":      withDesc(obj{"schema": obj{"type": "integer", "minimum": 1}}, "Seconds to wait before the key may send again"),
	}
}

func withDesc(o obj, d string) obj {
	out := obj{"description": d}
	for k, v := range o {
		out[k] = v
	}
	return out
}

func headerRef(name string) obj { return obj{"$ref": "#/components/headers/" + name} }

func requestIDHeader() obj { return obj{HeaderRequestID: headerRef("RequestID")} }

func okJSON(schema obj) obj {
	return obj{"200": obj{"description": "OK", "headers": requestIDHeader(),
		"content": obj{"application/json": obj{"schema": schema}}}}
}

func okRecord(rec obj) obj {
	return obj{"200": obj{"description": "The record", "headers": obj{"ETag": headerRef("ETag"), HeaderRequestID: headerRef("RequestID")},
		"content": obj{"application/json": obj{"schema": rec}}}}
}

func created(rec obj) obj {
	return obj{"201": obj{"description": "Created (or replayed)", "headers": obj{
		"ETag": headerRef("ETag"), "Location": headerRef("Location"),
		HeaderReplayed: headerRef("Replayed"), HeaderRequestID: headerRef("RequestID")},
		"content": obj{"application/json": obj{"schema": rec}}}}
}

func jsonBody(schema obj) obj {
	return obj{"required": true, "content": obj{"application/json": obj{"schema": schema}}}
}

func mergePatchBody() obj {
	s := obj{"schema": obj{"type": "object", "description": "JSON Merge Patch: null removes a field, objects merge, arrays are replaced whole"}}
	return obj{"required": true, "content": obj{mediaMergePatch: s, mediaJSON: s}}
}

func headerParam(name string, required bool) obj {
	return obj{"name": name, "in": "header", "required": required, "schema": obj{"type": "string"}}
}

func queryParam(name string, schema obj) obj {
	return obj{"name": name, "in": "query", "required": false, "schema": schema}
}
