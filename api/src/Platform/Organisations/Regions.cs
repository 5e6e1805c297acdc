namespace Jiebang.Platform.Organisations;

/// <summary>6-digit 行政区划 codes (GB/T 2260): the first two digits name the province-level division.</summary>
public static class Regions
{
    private static readonly Dictionary<string, string> Provinces = new(StringComparer.Ordinal)
    {
        ["11"] = "北京市", ["12"] = "天津市", ["13"] = "河北省", ["14"] = "山西省", ["15"] = "内蒙古自治区",
        ["21"] = "辽宁省", ["22"] = "吉林省", ["23"] = "黑龙江省",
        ["31"] = "上海市", ["32"] = "江苏省", ["33"] = "浙江省", ["34"] = "安徽省", ["35"] = "福建省", ["36"] = "江西省", ["37"] = "山东省",
        ["41"] = "河南省", ["42"] = "湖北省", ["43"] = "湖南省", ["44"] = "广东省", ["45"] = "广西壮族自治区", ["46"] = "海南省",
        ["50"] = "重庆市", ["51"] = "四川省", ["52"] = "贵州省", ["53"] = "云南省", ["54"] = "西藏自治区",
        ["61"] = "陕西省", ["62"] = "甘肃省", ["63"] = "青海省", ["64"] = "宁夏回族自治区", ["65"] = "新疆维吾尔自治区",
        ["71"] = "台湾省", ["81"] = "香港特别行政区", ["82"] = "澳门特别行政区",
    };

    private static readonly HashSet<string> OutsideMainland = new(StringComparer.Ordinal) { "71", "81", "82" };

    /// <summary>Six ASCII digits, nothing else.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    /// <summary>Well-formed and the first two digits are a province-level division (including 台湾, 香港, 澳门).</summary>
    public static bool IsKnownProvince(string? code) => IsWellFormed(code) && Provinces.ContainsKey(code![..2]);

    /// <summary>A known province-level division of mainland China (not 台湾, 香港 or 澳门).</summary>
    public static bool IsMainland(string? code) => IsKnownProvince(code) && !OutsideMainland.Contains(code![..2]);

    /// <summary>The Chinese name of the province-level division, or null for an unknown code.</summary>
    public static string? ProvinceName(string? code) =>
        IsKnownProvince(code) ? Provinces[code![..2]] : null;
}
