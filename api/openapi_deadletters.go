package api

import "talentd/registry"

// deadLetterPaths adds the admin dead-letter routes and their schemas.
func deadLetterPaths(paths obj, g *schemas) {
	g.defs["DeadLetter"] = deadLetterSchema()
	g.defs["DeadLetterPage"] = obj{"type": "object", "required": []string{"items"}, "properties": obj{
		"items":      obj{"type": "array", "items": refTo("DeadLetter")},
		"next_after": obj{"type": "integer", "minimum": 1, "description": "after of the next page; absent on the last"}}}
	paths["/v1/admin/dead-letters"] = obj{"get": operation("listDeadLetters",
		"List the events consumers gave up on (admin), oldest first, with the reason",
		[]any{
			queryParam("after", obj{"type": "integer", "minimum": 0, "default": 0, "description": "list dead letters whose id is greater"}),
			queryParam("limit", obj{"type": "integer", "minimum": 1, "maximum": registry.MaxPageSize, "default": registry.DefaultPageSize}),
		}, nil, withProblems(okJSON(refTo("DeadLetterPage")), 400, 503))}
	paths["/v1/admin/dead-letters/{id}/replay"] = obj{
		"parameters": []any{obj{"name": "id", "in": "path", "required": true,
			"schema": obj{"type": "integer", "minimum": 1}}},
		"post": operation("replayDeadLetter",
			"Publish a dead letter again on its original subject for every consumer of it, and remove it from the queue (admin); audited",
			nil, nil, withProblems(okJSON(refTo("DeadLetter")), 400, 404, 503)),
	}
}

func deadLetterSchema() obj {
	str, num := obj{"type": "string"}, obj{"type": "integer", "minimum": 0}
	return obj{"type": "object", "additionalProperties": false,
		"required": []string{"id", "consumer", "subject", "event_id", "reason", "deliveries", "stream_seq", "time"},
		"properties": obj{
			"id":             withDesc(num, "its place in the dead-letter stream; replay it by this id"),
			"consumer":       withDesc(str, "the durable consumer that gave up, or relay"),
			"subject":        withDesc(str, "the NATS subject it was published on"),
			"event_id":       withDesc(str, "the event id (its Nats-Msg-Id)"),
			"reason":         withDesc(str, "why it was given up"),
			"deliveries":     withDesc(num, "how many times it was delivered"),
			"stream_seq":     withDesc(num, "its sequence in the events stream (0 when the relay dead-lettered it)"),
			"time":           obj{"type": "string", "format": "date-time"},
			"message":        obj{"description": "the original message (a CloudEvents envelope) when it is JSON"},
			"message_base64": obj{"type": "string", "contentEncoding": "base64", "description": "the original message when it is not JSON"},
		}}
}
