package mongodb

import (
	"bytes"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// bodyValue is what a document stores as its body. A body written the way
// encoding/json writes it (every record the registry encodes) is stored as
// a real BSON sub-document, queryable and readable in the shell. Any other
// JSON text (other spacing, escaping or number spelling) is stored as a
// string, because the store must give back exactly the bytes it was given;
// so is a body BSON cannot hold as a document (a field name with a dot).
func bodyValue(body []byte) any {
	d, err := bodyToBSON(body)
	if err != nil {
		return string(body)
	}
	raw, err := bson.Marshal(d)
	if err != nil {
		return string(body)
	}
	back, err := bodyToJSON(raw)
	if err != nil || !bytes.Equal(back, body) {
		return string(body)
	}
	return d
}

// bodyBytes reads a stored body back as the JSON text it was written as.
func bodyBytes(v bson.RawValue) ([]byte, error) {
	switch v.Type {
	case bson.TypeEmbeddedDocument:
		return bodyToJSON(v.Document())
	case bson.TypeString:
		return []byte(v.StringValue()), nil
	case 0, bson.TypeNull:
		return nil, nil
	}
	return nil, fmt.Errorf("mongodb: body stored as BSON %s", v.Type)
}
