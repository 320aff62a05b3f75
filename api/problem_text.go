package api

// titleTexts are the problem titles, by problem type slug.
var titleTexts = map[string]text{
	"validation":             {"请求内容不合法", "The request is invalid"},
	"not-found":              {"未找到", "Not found"},
	"method-not-allowed":     {"不支持的请求方法", "Method not allowed"},
	"forbidden":              {"无权操作", "Forbidden"},
	"conflict":               {"与现有记录冲突", "Conflict with an existing record"},
	"transition-not-allowed": {"不允许的状态变更", "Status change not allowed"},
	"version-mismatch":       {"记录已被修改", "The record has changed"},
	"payload-too-large":      {"请求体过大", "Request body too large"},
	"unsupported-media-type": {"不支持的内容类型", "Unsupported content type"},
	"idempotency-mismatch":   {"幂等键已被使用", "Idempotency key already used"},
	"precondition-required":  {"缺少 If-Match", "If-Match required"},
	"internal":               {"服务器内部错误", "Internal server error"},
	"not-ready":              {"服务未就绪", "Not ready"},
	"unauthenticated":        {"未认证", "Unauthenticated"},
	"rate-limited":           {"请求过于频繁", "Too many requests"},
}

// detailTexts are the problem details, by detail key (the slug unless the
// problem names a more precise key). {name} is filled from problem.args.
var detailTexts = map[string]text{
	"validation":      {"{n} 个字段不合法", "{n} invalid field(s)"},
	"not-found":       {"没有这个编号的记录", "No record has this id"},
	"route-not-found": {"没有这个接口地址", "No such endpoint"},
	"method-not-allowed": {
		"该地址不支持此请求方法", "This endpoint does not support the method"},
	"forbidden": {"当前身份无权执行此操作", "The caller may not do this"},
	"conflict":  {"与现有记录冲突", "The request conflicts with an existing record"},
	"conflict.identity": {
		"持同一证件的人员已经登记", "A person with this identity document is already registered"},
	"conflict.idempotency_key": {
		"该 Idempotency-Key 已被使用", "This Idempotency-Key has already been used"},
	"conflict.id": {"记录编号已存在", "A record with this id exists"},
	"conflict.workstation_limit": {
		"院士参与的有效工作站已达上限（在职 1 个，退休 3 个）",
		"The academician already serves the most active workstations allowed (1 while working, 3 once retired)"},
	"conflict.not_deletable": {
		"只有处于初始状态的记录可以删除", "Only a record still in its first state can be deleted"},
	"conflict.in_use": {
		"其他记录引用了该记录，不能删除", "Other records point at this record"},
	"transition-not-allowed": {
		"不能从 {from} 变更为 {to}", "Cannot move from {from} to {to}"},
	"transition-not-allowed.generic": {
		"不允许这一状态变更", "The lifecycle does not allow this move"},
	"version-mismatch": {
		"If-Match 与记录当前版本不符，请重新读取后再试",
		"If-Match does not match the record's current version; read it again and retry"},
	"payload-too-large": {
		"请求体不能超过 {limit} 字节", "The request body may not exceed {limit} bytes"},
	"unsupported-media-type": {
		"Content-Type 应为 {types}", "Content-Type must be {types}"},
	"idempotency-mismatch": {
		"该 Idempotency-Key 已用于内容不同的请求", "This Idempotency-Key was used with another request body"},
	"precondition-required": {
		"此操作需要 If-Match 请求头（记录的 ETag）", "This request needs an If-Match header holding the record's ETag"},
	"internal":  {"服务器出错，请稍后再试", "Something went wrong; try again later"},
	"not-ready": {"以下组件不可用：{failing}", "Unavailable: {failing}"},
	"unauthenticated": {
		"需要有效的 API 密钥：Authorization: Bearer <密钥>", "A valid API key is required: Authorization: Bearer <key>"},
	"rate-limited": {
		"该 API 密钥的请求过于频繁，请 {seconds} 秒后再试", "Too many requests with this API key; retry in {seconds} s"},
}

// genericTitle is the title of a slug without an entry.
var genericTitle = text{"请求失败", "Request failed"}
