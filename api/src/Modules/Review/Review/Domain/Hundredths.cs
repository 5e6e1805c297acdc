namespace Jiebang.Review.Domain;

/// <summary>Scores and thresholds are stored as integer hundredths; the API speaks decimals with at most two places.</summary>
internal static class Hundredths
{
    public static decimal From(int value) => value / 100m;

    public static int To(decimal value) => (int)decimal.Round(value * 100m, 0, MidpointRounding.AwayFromZero);

    public static bool HasAtMostTwoPlaces(decimal value) => decimal.Round(value, 2) == value;
}
