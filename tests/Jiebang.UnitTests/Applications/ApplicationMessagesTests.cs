using Jiebang.Applications.Data;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Views;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Organisations;
using Jiebang.UnitTests.Funding;

namespace Jiebang.UnitTests.Applications;

/// <summary>
/// What the applicant reads: every eligibility verdict, passed or failed, in both languages; the titles and field errors of
/// the consortium refusals.
/// </summary>
public sealed class ApplicationMessagesTests
{
    private static readonly Guid Issuer = Guid.NewGuid();

    private static Party Party(string type, ConsortiumRole role, int share, Guid? id = null, bool registered = true) =>
        new(id ?? Guid.NewGuid(), role, share, registered, "某单位", "91110108551385082Q", type, "110108", true, "Good", "基地");

    private static readonly Declarations All = new() { FirstCooperation = true, NoBadCreditRecord = true, IpProtection = true };

    [Fact]
    public void Every_passed_rule_says_so_in_both_languages()
    {
        var results = Eligibility.Evaluate(new EligibilityInput(ApplicationPhase.Open, Issuer,
            [Party(OrganisationTypes.University, ConsortiumRole.Lead, 6000), Party(OrganisationTypes.Enterprise, ConsortiumRole.Member, 4000)], All, []));
        Assert.Equal(10, results.Count);
        Assert.All(results, r =>
        {
            Assert.True(r.Passed, r.Code);
            Assert.False(string.IsNullOrWhiteSpace(r.MessageZh), r.Code);
            Assert.False(string.IsNullOrWhiteSpace(r.MessageEn), r.Code);
        });
    }

    [Fact]
    public void The_failures_the_other_tests_do_not_read_say_so_in_both_languages()
    {
        var ghost = Party(OrganisationTypes.Enterprise, ConsortiumRole.Member, 2000, registered: false);
        var prior = Party(OrganisationTypes.Enterprise, ConsortiumRole.Member, 2000);
        var issuer = Party(OrganisationTypes.Enterprise, ConsortiumRole.Member, 2000, Issuer);
        var results = Eligibility.Evaluate(new EligibilityInput(ApplicationPhase.Open, Issuer,
            [Party(OrganisationTypes.University, ConsortiumRole.Lead, 4000), ghost, prior, issuer], All, [prior.OrganisationId]));
        var failed = results.Where(r => !r.Passed).ToList();
        Assert.Equal([Eligibility.Registered, Eligibility.FirstCooperation, Eligibility.FirstCooperation], failed.Select(r => r.Code));
        Assert.Equal($"单位 {ghost.OrganisationId} 未在主体库登记", failed[0].MessageZh);
        Assert.Equal($"Organisation {ghost.OrganisationId} is not registered", failed[0].MessageEn);
        Assert.Equal("某单位已与发榜企业签署过研发协议，不属于首次实质研发合作", failed[1].MessageZh);
        Assert.Equal("发榜企业不能揭自己的榜", failed[2].MessageZh);
    }

    [Fact]
    public void The_consortium_refusals_have_titles_and_field_errors_in_both_languages()
    {
        var lead = Guid.NewGuid();
        var content = new ApplicationContent { Members = [new MemberInput { OrganisationId = Guid.NewGuid(), Role = ConsortiumRole.Lead, BudgetShareBp = 10_000 }] };
        var notLead = Problems.Describe(ConsortiumRules.LeadRefusal(lead, content)!)!;
        Assert.Equal("The applicant must be the lead", notLead.Title);

        var member = Guid.NewGuid();
        var row = new ApplicationRow
        {
            LeadOrganisationId = lead, LeadRegionCode = "330106", ClosesAt = DateTimeOffset.MaxValue, Version = 1,
            Members = [new MemberView { OrganisationId = lead, RegionCode = "330106" }, new MemberView { OrganisationId = member, RegionCode = "320102" }],
        };
        var district = new Caller(null, "区门户", Roles.District, null, null, "3301");
        var outside = Problems.Describe(ConsortiumRules.Target(row, district, member, DateTimeOffset.UnixEpoch, 1).Refusal!)!;
        Assert.Equal("Outside the district", outside.Title);
        var unnamed = Problems.Describe(ConsortiumRules.Target(row, district, null, DateTimeOffset.UnixEpoch, 1).Refusal!)!;
        FundingBoundaryTests.Bilingual(Assert.Single(unnamed.Errors!["organisationId"]));
    }
}

/// <summary>What an omitted field of the applicant's document becomes, and the not-found refusal naming the application.</summary>
public sealed class ApplicationDefaultsTests
{
    [Fact]
    public void Omitted_texts_are_empty_so_required_ones_are_reported_missing()
    {
        var team = new TeamMember();
        Assert.Equal(("", "", ""), (team.Name, team.Title, team.Role));
        Assert.Equal("", new IndicatorResponse().CommittedValue);
        var milestone = new Milestone();
        Assert.Equal(("", ""), (milestone.Name, milestone.Deliverable));
        Assert.Equal("", new ApplicationContent().TechnicalApproach);
        Assert.Contains("technicalApproach", ContentRules.Missing(new ApplicationContent(), []).Keys);
        var content = new ApplicationContent
        {
            Team = [new TeamMember()],
            IndicatorResponses = [new IndicatorResponse { IndicatorId = Guid.NewGuid() }],
            Milestones = [new Milestone { DueMonth = 1 }],
        };
        var fields = new ContentRules().Validate(content).Errors.Select(e => e.PropertyName).ToList();
        Assert.Equal(["Team[0].Name", "IndicatorResponses[0].CommittedValue", "Milestones[0].Name"], fields);
    }

    [Fact]
    public void A_hidden_application_is_not_found_by_name()
    {
        var caller = new Caller(Guid.NewGuid(), "x", Roles.Applicant, Guid.NewGuid(), null, null);
        var change = Problems.Describe(ApplicationLifecycle.ChangeRefusal(null, caller, DateTimeOffset.UnixEpoch, null)!)!;
        Assert.Contains("The application does not exist", change.Detail);
        var confirm = Problems.Describe(ConsortiumRules.Target(null, caller, null, DateTimeOffset.UnixEpoch, null).Refusal!)!;
        Assert.Contains("The application does not exist", confirm.Detail);
    }
}
