using Jiebang.Applications.Domain;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Organisations;

namespace Jiebang.UnitTests.Applications;

public sealed class EligibilityRulesTests
{
    private static readonly Guid Issuer = Guid.NewGuid();

    private static Party University(ConsortiumRole role = ConsortiumRole.Lead, int share = 10_000, string? base_ = "技术转移中心") =>
        new(Guid.NewGuid(), role, share, true, "某大学", "12100000400000624D", OrganisationTypes.University, "110108", true, "Good", base_);

    private static Party Enterprise(ConsortiumRole role = ConsortiumRole.Member, int share = 0, string standing = "Good", string region = "310101",
        bool legal = true, string code = "91350100M000100Y43") =>
        new(Guid.NewGuid(), role, share, true, "某企业", code, OrganisationTypes.Enterprise, region, legal, standing, null);

    private static Declarations All => new() { FirstCooperation = true, NoBadCreditRecord = true, IpProtection = true };

    private static IReadOnlyList<string> Failed(IReadOnlyList<Party> parties, Declarations? declarations = null, ApplicationPhase? phase = ApplicationPhase.Open,
        IReadOnlyCollection<Guid>? prior = null) =>
        Eligibility.Evaluate(new EligibilityInput(phase, Issuer, parties, declarations ?? All, prior ?? []))
            .Where(r => !r.Passed).Select(r => r.Code).Distinct().ToList();

    [Fact]
    public void A_sole_university_with_a_commercialisation_base_passes_every_rule()
    {
        var results = Eligibility.Evaluate(new EligibilityInput(ApplicationPhase.Open, Issuer, [University()], All, []));
        Assert.All(results, r => Assert.True(r.Passed, r.Code));
        Assert.Equal(10, results.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void A_consortium_with_shares_summing_to_100_percent_passes() =>
        Assert.Empty(Failed([University(share: 6000), Enterprise(share: 4000)]));

    [Theory]
    [InlineData(ApplicationPhase.NotYetOpen)]
    [InlineData(ApplicationPhase.Closed)]
    public void Outside_the_window_is_refused(ApplicationPhase phase) =>
        Assert.Equal([Eligibility.WindowOpen], Failed([University()], phase: phase));

    [Fact]
    public void The_formal_check_after_the_deadline_does_not_judge_the_window() =>
        Assert.Empty(Failed([University()], phase: null));

    [Fact]
    public void An_unregistered_organisation_is_refused()
    {
        var ghost = new Party(Guid.NewGuid(), ConsortiumRole.Member, 4000, false, "", "", "", "", false, "", null);
        Assert.Equal([Eligibility.Registered], Failed([University(share: 6000), ghost]));
    }

    [Fact]
    public void A_broken_credit_code_is_refused() =>
        Assert.Equal([Eligibility.CreditCodeValid], Failed([University(share: 6000), Enterprise(share: 4000, code: "91350100M000100Y44")]));

    [Theory]
    [InlineData("810000")]
    [InlineData("820000")]
    [InlineData("710000")]
    public void Hong_kong_macau_and_taiwan_registrations_are_refused(string region) =>
        Assert.Equal([Eligibility.Mainland], Failed([University(share: 6000), Enterprise(share: 4000, region: region)]));

    [Fact]
    public void A_hong_kong_credit_code_with_a_mainland_region_is_refused() =>
        Assert.Equal([Eligibility.Mainland], Failed([University(share: 6000), Enterprise(share: 4000, code: "918100002N6W9UDK4H", region: "110108")]));

    [Fact]
    public void A_branch_without_legal_personality_is_refused() =>
        Assert.Equal([Eligibility.LegalPerson], Failed([University(share: 6000), Enterprise(share: 4000, legal: false)]));

    [Fact]
    public void A_university_without_a_commercialisation_base_is_refused() =>
        Assert.Equal([Eligibility.CommercialisationBase], Failed([University(base_: " ")]));

    [Fact]
    public void An_enterprise_with_a_bad_credit_record_is_refused_but_the_rule_does_not_apply_to_universities()
    {
        Assert.Equal([Eligibility.GoodStanding], Failed([University(share: 6000), Enterprise(share: 4000, standing: "BadRecord")]));
        var university = University() with { CreditStanding = "BadRecord" };
        Assert.Empty(Failed([university]));
    }

    [Fact]
    public void An_earlier_agreement_with_the_issuer_or_the_issuer_itself_breaks_first_cooperation()
    {
        var member = Enterprise(share: 4000);
        Assert.Equal([Eligibility.FirstCooperation], Failed([University(share: 6000), member], prior: [member.OrganisationId]));
        var issuerItself = Enterprise(share: 4000) with { OrganisationId = Issuer };
        Assert.Equal([Eligibility.FirstCooperation], Failed([University(share: 6000), issuerItself]));
    }

    [Fact]
    public void A_consortium_needs_one_lead_no_duplicates_and_shares_summing_to_100_percent()
    {
        Assert.Equal([Eligibility.Consortium], Failed([University(share: 6000), Enterprise(share: 3000)]));
        Assert.Equal([Eligibility.Consortium], Failed([University(share: 5000), Enterprise(ConsortiumRole.Lead, 5000)]));
        Assert.Equal([Eligibility.Consortium], Failed([Enterprise(share: 10_000)]));
        var lead = University(share: 5000);
        Assert.Equal([Eligibility.Consortium], Failed([lead, lead with { Role = ConsortiumRole.Member }]));
        Assert.Equal([Eligibility.Consortium], Failed([University(share: 10_000), Enterprise(share: 0)]));
    }

    [Theory]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    public void Every_declaration_must_be_made(bool first, bool credit, bool ip) =>
        Assert.Equal([Eligibility.DeclarationsMade], Failed([University()], new Declarations { FirstCooperation = first, NoBadCreditRecord = credit, IpProtection = ip }));

    [Fact]
    public void Every_failure_is_reported_at_once_with_messages_in_both_languages()
    {
        var results = Eligibility.Evaluate(new EligibilityInput(ApplicationPhase.Closed, Issuer,
            [University(base_: null, share: 3000), Enterprise(share: 3000, standing: "BadRecord", region: "810000", legal: false)], new Declarations(), []));
        var failed = results.Where(r => !r.Passed).ToList();
        Assert.Equal(7, failed.Select(r => r.Code).Distinct().Count());
        Assert.All(failed, r => Assert.False(string.IsNullOrWhiteSpace(r.MessageZh) || string.IsNullOrWhiteSpace(r.MessageEn)));
    }
}
