package registry

// Area is a place that owns records (the `area` of every record): a GB/T
// 2260 county or district code, the city's own code, or a functional zone's
// code (zones have no GB code).
type Area struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// DefaultAreas are Linyi's (临沂市) areas: the city itself, its twelve
// counties and districts, and its four functional zones. A deployment for
// another city configures its own list.
var DefaultAreas = []Area{
	{Code: "371300", Name: "市直"},
	{Code: "371302", Name: "兰山区"},
	{Code: "371311", Name: "罗庄区"},
	{Code: "371312", Name: "河东区"},
	{Code: "371321", Name: "沂南县"},
	{Code: "371322", Name: "郯城县"},
	{Code: "371323", Name: "沂水县"},
	{Code: "371324", Name: "兰陵县"},
	{Code: "371325", Name: "费县"},
	{Code: "371326", Name: "平邑县"},
	{Code: "371327", Name: "莒南县"},
	{Code: "371328", Name: "蒙阴县"},
	{Code: "371329", Name: "临沭县"},
	{Code: "ZONE_HIGHTECH", Name: "高新区"},
	{Code: "ZONE_ECONOMIC", Name: "经开区"},
	{Code: "ZONE_LINGANG", Name: "临港区"},
	{Code: "ZONE_YIHE", Name: "沂河新区"},
}

// AreaCodes returns the codes of areas, in their order.
func AreaCodes(areas []Area) []string {
	codes := make([]string, len(areas))
	for i, a := range areas {
		codes[i] = a.Code
	}
	return codes
}
