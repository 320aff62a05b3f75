package api

import "strings"

// text is one message in both languages; {param} stands for the rule's
// parameter (a length, an allowed list, an id prefix).
type text struct{ zh, en string }

func (t text) in(l lang) string {
	if l == langEN {
		return t.en
	}
	return t.zh
}

// fieldTexts are the messages of the field problem codes: every code the
// registry emits (validation_test.go checks that) and the API's own.
// Raw validator tag names are listed too, so a change in how the registry
// names a rule still finds a message.
var fieldTexts = map[string]text{
	// presence
	"required":             {"必填", "is required"},
	"required_if":          {"必填", "is required"},
	"required_unless":      {"必填", "is required"},
	"required_with":        {"必填", "is required"},
	"required_with_all":    {"必填", "is required"},
	"required_without":     {"未填写 {param} 时必填", "is required when {param} is absent"},
	"required_without_all": {"必填", "is required"},
	// sizes and ranges
	"min":   {"不能少于 {param}", "must be at least {param}"},
	"max":   {"不能超过 {param}", "must be at most {param}"},
	"len":   {"长度应为 {param}", "must have length {param}"},
	"gte":   {"不能小于 {param}", "must be at least {param}"},
	"lte":   {"不能大于 {param}", "must be at most {param}"},
	"gt":    {"必须大于 {param}", "must be greater than {param}"},
	"lt":    {"必须小于 {param}", "must be less than {param}"},
	"range": {"超出允许范围 {param}", "is outside the range {param}"},
	// formats
	"oneof":            {"取值必须是以下之一：{param}", "must be one of: {param}"},
	"email":            {"电子邮箱格式不正确", "is not a valid e-mail address"},
	"date":             {"应为真实存在的日期，格式 YYYY-MM-DD", "must be a real date written YYYY-MM-DD"},
	"datetime":         {"应为 RFC 3339 时间或 YYYY-MM-DD 日期", "must be an RFC 3339 time or a YYYY-MM-DD date"},
	"country":          {"应为 ISO 3166-1 三位字母国家代码", "must be an ISO 3166-1 alpha-3 country code"},
	"iso3166_1_alpha3": {"应为 ISO 3166-1 三位字母国家代码", "must be an ISO 3166-1 alpha-3 country code"},
	"alphanum":         {"只能包含字母和数字", "may hold only letters and digits"},
	"area":             {"不是已配置的区域代码", "is not a configured area code"},
	"record_id":        {"应为 {param}_ 开头的记录编号", "must be a record id starting with {param}_"},
	"after":            {"必须晚于 {param}", "must be later than {param}"},
	"gtfield":          {"必须晚于 {param}", "must be later than {param}"},
	// identifiers
	"uscc":               {"统一社会信用代码不正确", "is not a valid unified social credit code"},
	"uscc_format":        {"统一社会信用代码格式不正确", "is not a well-formed unified social credit code"},
	"uscc_checksum":      {"统一社会信用代码校验位不正确", "has a wrong unified social credit code check character"},
	"id_type":            {"证件类型不正确", "is not a known identity document type"},
	"id_number":          {"证件号码不正确", "is not a valid identity document number"},
	"cn_id_format":       {"身份证号码格式不正确", "is not a well-formed resident ID number"},
	"cn_id_checksum":     {"身份证号码校验位不正确", "has a wrong resident ID check character"},
	"cn_id_birth_date":   {"身份证号码中的出生日期不正确", "carries an impossible birth date"},
	"pr_card_format":     {"外国人永久居留身份证号码格式不正确", "is not a well-formed permanent resident ID number"},
	"pr_card_checksum":   {"外国人永久居留身份证号码校验位不正确", "has a wrong permanent resident ID check character"},
	"pr_card_birth_date": {"外国人永久居留身份证号码中的出生日期不正确", "carries an impossible birth date"},
	"hkmo_permit_format": {"港澳居民来往内地通行证号码格式不正确", "is not a well-formed Hong Kong/Macao travel permit number"},
	"tw_permit_format":   {"台湾居民来往大陆通行证号码格式不正确", "is not a well-formed Taiwan travel permit number"},
	"mobile":             {"手机号码格式不正确", "is not a valid mobile number"},
	"mobile_format":      {"手机号码格式不正确", "is not a valid mobile number"},
	"passport":           {"护照号码格式不正确", "is not a valid passport number"},
	"passport_format":    {"护照号码格式不正确", "is not a valid passport number"},
	// record rules
	"gender_mismatch":       {"性别与证件号码不符", "does not match the identity number"},
	"birth_date_mismatch":   {"出生日期与证件号码不符", "does not match the identity number"},
	"permit_after_passport": {"工作许可有效期不能晚于护照有效期", "may not end after the passport"},
	"permit_not_renewed":    {"工作许可尚未续期，有效期须晚于 {param}", "must be renewed to end after {param}"},
	"not_found":             {"引用的记录不存在", "names a record that does not exist"},
	"not_applicable":        {"此类记录没有身份证件", "this kind of record has no identity document"},
	"not_academician":       {"该专家不是院士", "is not an academician"},
	"duplicate":             {"重复", "is repeated"},
	"cursor_invalid":        {"分页游标无效", "is not a valid page cursor"},
	// API keys
	"excluded":  {"该角色（{param}）不能设置此字段", "may not be set for the role {param}"},
	"future":    {"必须是将来的时间", "must be in the future"},
	"printable": {"只能包含可打印字符", "may hold only printable characters"},
	// request shape
	"read_only":         {"由服务器维护，不能写入", "is set by the server and cannot be written"},
	"unknown_field":     {"未知字段", "is not a known field"},
	"unknown_parameter": {"未知的查询参数", "is not a known query parameter"},
	"repeated":          {"查询参数只能出现一次", "may appear only once"},
	"type":              {"类型错误，应为 {param}", "has the wrong type; expected {param}"},
	"json_syntax":       {"JSON 格式错误（约第 {param} 字节）", "is not valid JSON (near byte {param})"},
	"empty_body":        {"请求体为空", "is empty; a JSON body is required"},
	"trailing_data":     {"JSON 值之后有多余内容", "has data after the JSON value"},
	"query_syntax":      {"查询字符串格式错误", "is not a well-formed query string"},
	"idempotency_key":   {"须为 1–255 个可见 ASCII 字符", "must be 1–255 visible ASCII characters"},
}

// genericField is the message of a code without an entry.
var genericField = text{"取值不合法", "is invalid"}

// fieldMessage is the message for a problem code in l.
func fieldMessage(code, param string, l lang) string {
	t, ok := fieldTexts[code]
	if !ok {
		t = genericField
	}
	return strings.ReplaceAll(t.in(l), "{param}", param)
}
