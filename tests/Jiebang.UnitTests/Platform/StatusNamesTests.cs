using System.Text.RegularExpressions;
using Jiebang.Applications.Contracts;
using Jiebang.Challenges.Contracts;
using Jiebang.Funding.Domain;

namespace Jiebang.UnitTests.Platform;

/// <summary>Refusals name a state as a person reads it: every value has its own Chinese and English name, never the enum's.</summary>
public sealed partial class StatusNamesTests
{
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    private static void AllNamed<T>(Func<T, string> chinese, Func<T, string> english) where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        foreach (var value in values)
        {
            Assert.Matches(Chinese(), chinese(value));
            Assert.DoesNotMatch(Chinese(), english(value));
            Assert.DoesNotContain(value.ToString(), chinese(value), StringComparison.Ordinal);
            Assert.NotEqual(value.ToString(), english(value));
        }
        Assert.Equal(values.Length, values.Select(chinese).Distinct().Count());
        Assert.Equal(values.Length, values.Select(english).Distinct().Count());
    }

    [Fact]
    public void Every_challenge_state_and_phase_has_a_name()
    {
        AllNamed<ChallengeStatus>(ChallengeStatusNames.Chinese, ChallengeStatusNames.English);
        AllNamed<ApplicationPhase>(ChallengeStatusNames.Chinese, ChallengeStatusNames.English);
    }

    [Fact]
    public void Every_application_state_has_a_name() => AllNamed<ApplicationStatus>(ApplicationStatusNames.Chinese, ApplicationStatusNames.English);

    [Fact]
    public void Every_agreement_state_has_a_name() => AllNamed<AgreementStatus>(AgreementStatusNames.Chinese, AgreementStatusNames.English);
}
