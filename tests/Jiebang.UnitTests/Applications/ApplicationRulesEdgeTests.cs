using Jiebang.Applications.Contracts;
using Jiebang.Applications.Data;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Views;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Organisations;
using Jiebang.Platform.Writes;
using Jiebang.UnitTests.Funding;
using Microsoft.AspNetCore.Http;

namespace Jiebang.UnitTests.Applications;

/// <summary>
/// The applicant-side rules at their edges: who may change an application and in which order the refusals come, who a
/// confirmation is for, the window's refusals, the lifecycle's moves, the content's limits exactly on them, what a complete
/// 申报书 has, and the eligibility rules each with the organisation type or field they turn on.
/// </summary>
public sealed class ApplicationRulesEdgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Lead = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly Guid Issuer = Guid.NewGuid();

    private static ApplicationRow Row(ApplicationStatus status = ApplicationStatus.Draft, DateTimeOffset? closesAt = null, int version = 3) => new()
    {
        Id = Guid.NewGuid(), LeadOrganisationId = Lead, LeadRegionCode = "330106", IssuerOrganisationId = Issuer,
        ClosesAt = closesAt ?? Now.AddDays(1), Status = status, Version = version,
        Members =
        [
            new MemberView { OrganisationId = Lead, Role = ConsortiumRole.Lead, BudgetShareBp = 6000, RegionCode = "330106" },
            new MemberView { OrganisationId = Member, Role = ConsortiumRole.Member, BudgetShareBp = 4000, RegionCode = "320102" },
        ],
    };

    private static Caller Applicant(Guid? organisation) => new(Guid.NewGuid(), "申报人", Roles.Applicant, organisation, null, null);
    private static Caller District(string code) => new(null, "区门户", Roles.District, null, null, code);
    private static Caller IssuerUser => new(Guid.NewGuid(), "发榜人", Roles.Issuer, Issuer, null, null);

    private static ApiProblem P(IResult? result) => Problems.Describe(Assert.IsAssignableFrom<IResult>(result))!;

    [Fact]
    public void The_lead_changes_its_application_with_the_right_version_before_the_deadline()
    {
        Assert.Null(ApplicationLifecycle.ChangeRefusal(Row(), Applicant(Lead), Now, 3));
        Assert.Null(ApplicationLifecycle.ChangeRefusal(Row(ApplicationStatus.Submitted), Applicant(Lead), Now, null));
        Assert.Null(ApplicationLifecycle.ChangeRefusal(Row(), District("3301"), Now, 3));
        var row = Row();
        Assert.Same(row, ApplicationLifecycle.CheckChange(row, Applicant(Lead), Now, 3));
    }

    [Fact]
    public void Change_refusals_come_in_order_not_found_forbidden_closed_stale_state()
    {
        Assert.Equal(404, P(ApplicationLifecycle.ChangeRefusal(null, Applicant(Lead), Now, 3)).Status);
        // A party that cannot see it (the issuer before the deadline) gets 404, not 403.
        Assert.Equal(404, P(ApplicationLifecycle.ChangeRefusal(Row(), IssuerUser, Now, 3)).Status);
        var forbidden = P(ApplicationLifecycle.ChangeRefusal(Row(ApplicationStatus.Eligible, Now), Applicant(Member), Now, 1));
        Assert.Equal(403, forbidden.Status);
        FundingBoundaryTests.Bilingual(forbidden.Detail);
        Assert.Equal("application.window_closed", P(ApplicationLifecycle.ChangeRefusal(Row(ApplicationStatus.Eligible, Now), Applicant(Lead), Now, 1)).Code);
        Assert.Equal("concurrency.version_mismatch", P(ApplicationLifecycle.ChangeRefusal(Row(ApplicationStatus.Eligible), Applicant(Lead), Now, 2)).Code);
        var state = P(ApplicationLifecycle.ChangeRefusal(Row(ApplicationStatus.Eligible), Applicant(Lead), Now, 3));
        Assert.Equal("application.invalid_state", state.Code);
        Assert.Equal(409, state.Status);
        FundingBoundaryTests.Bilingual(state.Detail);
        var thrown = Assert.Throws<WriteRefused>(() => ApplicationLifecycle.CheckChange(Row(ApplicationStatus.Withdrawn), Applicant(Lead), Now, null));
        Assert.Equal("application.invalid_state", Problems.Describe(thrown.Problem)!.Code);
    }

    [Fact]
    public void The_deadline_itself_is_closed_and_the_tick_before_it_open()
    {
        Assert.Null(ApplicationLifecycle.TimingRefusal(Row(closesAt: Now.AddTicks(1)), Now, 3));
        Assert.Equal("application.window_closed", P(ApplicationLifecycle.TimingRefusal(Row(closesAt: Now), Now, 3)).Code);
    }

    [Theory]
    [InlineData(ApplicationStatus.Draft, true)]
    [InlineData(ApplicationStatus.Withdrawn, true)]
    [InlineData(ApplicationStatus.Submitted, false)]
    [InlineData(ApplicationStatus.Eligible, false)]
    [InlineData(ApplicationStatus.Selected, false)]
    public void Issuers_never_see_drafts_or_withdrawn_applications(ApplicationStatus status, bool hidden) =>
        Assert.Equal(hidden, ApplicationLifecycle.IsHiddenFromIssuer(status));

    [Fact]
    public void The_formal_check_outcome_sets_the_status()
    {
        Assert.Equal(ApplicationStatus.Eligible, ApplicationLifecycle.StatusOf(EligibilityOutcome.Eligible));
        Assert.Equal(ApplicationStatus.Ineligible, ApplicationLifecycle.StatusOf(EligibilityOutcome.Ineligible));
    }

    private static readonly (ApplicationAction Action, ApplicationStatus[] From, ApplicationStatus[] To)[] Moves =
    [
        (ApplicationAction.Submit, [ApplicationStatus.Draft, ApplicationStatus.Submitted], [ApplicationStatus.Submitted]),
        (ApplicationAction.Withdraw, [ApplicationStatus.Draft, ApplicationStatus.Submitted], [ApplicationStatus.Withdrawn]),
        (ApplicationAction.WithdrawConfirmation, [ApplicationStatus.Submitted], [ApplicationStatus.Draft]),
        (ApplicationAction.CheckEligibility, [ApplicationStatus.Submitted], [ApplicationStatus.Eligible, ApplicationStatus.Ineligible]),
        (ApplicationAction.OverrideEligibility, [ApplicationStatus.Eligible, ApplicationStatus.Ineligible], [ApplicationStatus.Eligible, ApplicationStatus.Ineligible]),
        (ApplicationAction.OpenScoring, [ApplicationStatus.Eligible], [ApplicationStatus.UnderReview]),
        (ApplicationAction.CloseReview, [ApplicationStatus.Eligible, ApplicationStatus.UnderReview], [ApplicationStatus.Recommended, ApplicationStatus.NotRecommended]),
        (ApplicationAction.Match, [ApplicationStatus.UnderReview, ApplicationStatus.Recommended, ApplicationStatus.NotRecommended], [ApplicationStatus.Matched]),
        (ApplicationAction.Unmatch, [ApplicationStatus.Matched], [ApplicationStatus.Recommended, ApplicationStatus.NotRecommended]),
        (
            ApplicationAction.Select,
            [ApplicationStatus.Eligible, ApplicationStatus.UnderReview, ApplicationStatus.Recommended, ApplicationStatus.NotRecommended, ApplicationStatus.Matched],
            [ApplicationStatus.Selected]
        ),
        (
            ApplicationAction.NotSelect,
            [ApplicationStatus.Eligible, ApplicationStatus.UnderReview, ApplicationStatus.Recommended, ApplicationStatus.NotRecommended, ApplicationStatus.Matched],
            [ApplicationStatus.NotSelected]
        ),
        (ApplicationAction.Contract, [ApplicationStatus.Selected], [ApplicationStatus.Contracted]),
    ];

    [Fact]
    public void Each_action_moves_from_exactly_its_states_to_exactly_its_targets()
    {
        var all = Enum.GetValues<ApplicationStatus>();
        Assert.Equal(12, all.Length);
        Assert.Equal(Enum.GetValues<ApplicationAction>().Order(), Moves.Select(m => m.Action).Order());
        foreach (var (action, from, to) in Moves)
        {
            Assert.Equal(from.Order(), ApplicationLifecycle.From(action).Order());
            Assert.Equal(from, all.Where(s => ApplicationLifecycle.Allows(s, action)));
            foreach (var source in all)
            {
                Assert.Equal(from.Contains(source) ? to : [], all.Where(target => ApplicationLifecycle.Allows(source, action, target)));
            }
        }
    }

    [Fact]
    public void Withdrawing_a_confirmation_leaves_a_checked_application_as_it_is() =>
        Assert.Equal(ApplicationStatus.Eligible, ApplicationLifecycle.AfterConfirmationWithdrawn(ApplicationStatus.Eligible));

    private static ChallengeInfo Challenge(DateTimeOffset opens, DateTimeOffset closes) => new(Guid.NewGuid(), "C1", "题目", ChallengeField.NewMaterials,
        Guid.NewGuid(), Issuer, "发榜企业", ChallengeStatus.Published, opens, closes, ApplicationPhase.Open, []);

    [Fact]
    public void The_window_refuses_before_it_opens_after_it_closes_and_for_an_unknown_challenge()
    {
        Assert.Null(ApplicationWindow.Refusal(Challenge(Now, Now.AddDays(1)), Now));
        Assert.Equal("application.window_closed", P(ApplicationWindow.Refusal(null, Now)).Code);
        Assert.Equal("application.window_closed", P(ApplicationWindow.Refusal(Challenge(Now.AddDays(-2), Now), Now)).Code);
        var early = P(ApplicationWindow.Refusal(Challenge(new DateTimeOffset(2026, 3, 16, 16, 0, 0, TimeSpan.Zero), Now.AddDays(9)), Now));
        Assert.Equal("application.window_not_open", early.Code);
        Assert.Equal(409, early.Status);
        // Opens at 00:00 on 17 March in Beijing time.
        Assert.Equal("申报期尚未开始，将于2026-03-17 00:00（北京时间）开始 / The application window is not open yet; it opens at 2026-03-17 00:00 (Asia/Shanghai)",
            early.Detail);
        FundingBoundaryTests.Bilingual(P(ApplicationWindow.Closed()).Detail);
    }

    [Fact]
    public void A_lead_applying_alone_is_its_own_consortium_at_100_percent()
    {
        var alone = new ApplicationContent().ConsortiumOf(Lead);
        var only = Assert.Single(alone);
        Assert.Equal((Lead, ConsortiumRole.Lead, 10_000), (only.OrganisationId, only.Role, only.BudgetShareBp));
        var content = new ApplicationContent { Members = [new MemberInput { OrganisationId = Member, Role = ConsortiumRole.Member, BudgetShareBp = 10 }] };
        Assert.Same(content.Members, content.ConsortiumOf(Lead));
    }

    [Fact]
    public void A_stored_copy_trims_the_approach_and_never_has_null_declarations()
    {
        var source = new ApplicationContent
        {
            TechnicalApproach = "  方案  ", OwnInvestmentFen = 123, Declarations = null!,
            Members = [new MemberInput()], Team = [new TeamMember()], IndicatorResponses = [new IndicatorResponse()], Milestones = [new Milestone()],
        };
        var copy = ApplicationContent.CopyOf(source);
        Assert.Equal("方案", copy.TechnicalApproach);
        Assert.NotNull(copy.Declarations);
        Assert.Equal(123, copy.OwnInvestmentFen);
        Assert.Same(source.Members, copy.Members);
        Assert.Same(source.Team, copy.Team);
        Assert.Same(source.IndicatorResponses, copy.IndicatorResponses);
        Assert.Same(source.Milestones, copy.Milestones);
        var declared = new Declarations { FirstCooperation = true };
        Assert.Same(declared, ApplicationContent.CopyOf(new ApplicationContent { Declarations = declared }).Declarations);
    }

    private static string S(int length) => new('字', length);

    private static ApplicationContent Sound() => new()
    {
        Members =
        [
            new MemberInput { OrganisationId = Lead, Role = ConsortiumRole.Lead, BudgetShareBp = 6000, Responsibility = "牵头" },
            new MemberInput { OrganisationId = Member, Role = ConsortiumRole.Member, BudgetShareBp = 4000 },
        ],
        TechnicalApproach = "方案",
        Team = [new TeamMember { Name = "王明", Title = "教授", Role = "项目负责人" }],
        IndicatorResponses = [new IndicatorResponse { IndicatorId = Guid.NewGuid(), CommittedValue = "99.999", Note = "说明" }],
        OwnInvestmentFen = 1_000,
        Milestones = [new Milestone { Name = "样机", DueMonth = 12, Deliverable = "样机一台" }],
        Declarations = new Declarations(),
    };

    private static List<string> Errors(ApplicationContent content)
    {
        var result = new ContentRules().Validate(content);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ErrorMessage), e.PropertyName));
        return result.Errors.Select(e => e.PropertyName).Distinct().ToList();
    }

    [Theory]
    [InlineData("21 members", "Members")]
    [InlineData("20 members", null)]
    [InlineData("member without organisation", "Members[0].OrganisationId")]
    [InlineData("member role", "Members[0].Role")]
    [InlineData("share -1", "Members[0].BudgetShareBp")]
    [InlineData("share 0", null)]
    [InlineData("share 10000", null)]
    [InlineData("share 10001", "Members[0].BudgetShareBp")]
    [InlineData("responsibility 1001", "Members[0].Responsibility")]
    [InlineData("responsibility 1000", null)]
    [InlineData("approach 50001", "TechnicalApproach")]
    [InlineData("approach 50000", null)]
    [InlineData("201 team", "Team")]
    [InlineData("200 team", null)]
    [InlineData("team name empty", "Team[0].Name")]
    [InlineData("team name 101", "Team[0].Name")]
    [InlineData("team name 100", null)]
    [InlineData("team title 101", "Team[0].Title")]
    [InlineData("team title 100", null)]
    [InlineData("team role 101", "Team[0].Role")]
    [InlineData("team role 100", null)]
    [InlineData("indicator id empty", "IndicatorResponses[0].IndicatorId")]
    [InlineData("committed empty", "IndicatorResponses[0].CommittedValue")]
    [InlineData("committed 201", "IndicatorResponses[0].CommittedValue")]
    [InlineData("committed 200", null)]
    [InlineData("note 2001", "IndicatorResponses[0].Note")]
    [InlineData("note 2000", null)]
    [InlineData("investment -1", "OwnInvestmentFen")]
    [InlineData("investment 0", null)]
    [InlineData("investment max", null)]
    [InlineData("investment max+1", "OwnInvestmentFen")]
    [InlineData("51 milestones", "Milestones")]
    [InlineData("50 milestones", null)]
    [InlineData("milestone name empty", "Milestones[0].Name")]
    [InlineData("milestone name 201", "Milestones[0].Name")]
    [InlineData("milestone name 200", null)]
    [InlineData("due 0", "Milestones[0].DueMonth")]
    [InlineData("due 1", null)]
    [InlineData("due 120", null)]
    [InlineData("due 121", "Milestones[0].DueMonth")]
    [InlineData("deliverable 1001", "Milestones[0].Deliverable")]
    [InlineData("deliverable 1000", null)]
    [InlineData("declarations null", "Declarations")]
    public void Each_content_rule_on_its_own(string change, string? field)
    {
        var c = Sound();
        switch (change)
        {
            case "21 members": c.Members = Enumerable.Range(0, 21).Select(_ => new MemberInput { OrganisationId = Guid.NewGuid() }).ToList(); break;
            case "20 members": c.Members = Enumerable.Range(0, 20).Select(_ => new MemberInput { OrganisationId = Guid.NewGuid() }).ToList(); break;
            case "member without organisation": c.Members[0].OrganisationId = Guid.Empty; break;
            case "member role": c.Members[0].Role = (ConsortiumRole)7; break;
            case "share -1": c.Members[0].BudgetShareBp = -1; break;
            case "share 0": c.Members[0].BudgetShareBp = 0; break;
            case "share 10000": c.Members[0].BudgetShareBp = 10_000; break;
            case "share 10001": c.Members[0].BudgetShareBp = 10_001; break;
            case "responsibility 1001": c.Members[0].Responsibility = S(1001); break;
            case "responsibility 1000": c.Members[0].Responsibility = S(1000); break;
            case "approach 50001": c.TechnicalApproach = S(50_001); break;
            case "approach 50000": c.TechnicalApproach = S(50_000); break;
            case "201 team": c.Team = Enumerable.Range(0, 201).Select(_ => new TeamMember { Name = "n" }).ToList(); break;
            case "200 team": c.Team = Enumerable.Range(0, 200).Select(_ => new TeamMember { Name = "n" }).ToList(); break;
            case "team name empty": c.Team[0].Name = ""; break;
            case "team name 101": c.Team[0].Name = S(101); break;
            case "team name 100": c.Team[0].Name = S(100); break;
            case "team title 101": c.Team[0].Title = S(101); break;
            case "team title 100": c.Team[0].Title = S(100); break;
            case "team role 101": c.Team[0].Role = S(101); break;
            case "team role 100": c.Team[0].Role = S(100); break;
            case "indicator id empty": c.IndicatorResponses[0].IndicatorId = Guid.Empty; break;
            case "committed empty": c.IndicatorResponses[0].CommittedValue = ""; break;
            case "committed 201": c.IndicatorResponses[0].CommittedValue = S(201); break;
            case "committed 200": c.IndicatorResponses[0].CommittedValue = S(200); break;
            case "note 2001": c.IndicatorResponses[0].Note = S(2001); break;
            case "note 2000": c.IndicatorResponses[0].Note = S(2000); break;
            case "investment -1": c.OwnInvestmentFen = -1; break;
            case "investment 0": c.OwnInvestmentFen = 0; break;
            case "investment max": c.OwnInvestmentFen = 10_000_000_000_00L; break;
            case "investment max+1": c.OwnInvestmentFen = 10_000_000_000_01L; break;
            case "51 milestones": c.Milestones = Enumerable.Range(0, 51).Select(_ => new Milestone { Name = "m", DueMonth = 1 }).ToList(); break;
            case "50 milestones": c.Milestones = Enumerable.Range(0, 50).Select(_ => new Milestone { Name = "m", DueMonth = 1 }).ToList(); break;
            case "milestone name empty": c.Milestones[0].Name = ""; break;
            case "milestone name 201": c.Milestones[0].Name = S(201); break;
            case "milestone name 200": c.Milestones[0].Name = S(200); break;
            case "due 0": c.Milestones[0].DueMonth = 0; break;
            case "due 1": c.Milestones[0].DueMonth = 1; break;
            case "due 120": c.Milestones[0].DueMonth = 120; break;
            case "due 121": c.Milestones[0].DueMonth = 121; break;
            case "deliverable 1001": c.Milestones[0].Deliverable = S(1001); break;
            case "deliverable 1000": c.Milestones[0].Deliverable = S(1000); break;
            case "declarations null": c.Declarations = null!; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
        Assert.Equal(field is null ? [] : [field], Errors(c));
    }

    [Fact]
    public void The_count_limits_say_so_in_both_languages()
    {
        var c = Sound();
        c.Members = Enumerable.Range(0, 21).Select(_ => new MemberInput { OrganisationId = Guid.NewGuid() }).ToList();
        c.Team = Enumerable.Range(0, 201).Select(_ => new TeamMember { Name = "n" }).ToList();
        c.Milestones = Enumerable.Range(0, 51).Select(_ => new Milestone { Name = "m", DueMonth = 1 }).ToList();
        var messages = new ContentRules().Validate(c).Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains("联合体最多20家单位 / At most 20 organisations", messages);
        Assert.Contains("团队成员最多200人 / At most 200 team members", messages);
        Assert.Contains("里程碑最多50个 / At most 50 milestones", messages);
    }

    [Fact]
    public void A_complete_application_misses_nothing_and_each_missing_part_is_named()
    {
        var c = Sound();
        Assert.Empty(ContentRules.Missing(c, [c.IndicatorResponses[0].IndicatorId]));
        var empty = new ApplicationContent { TechnicalApproach = " " };
        var missing = ContentRules.Missing(empty, [Guid.NewGuid(), Guid.NewGuid()]);
        Assert.Equal(["indicatorResponses", "milestones", "team", "technicalApproach"], missing.Keys.Order());
        Assert.Equal(["须填写技术方案 / The technical approach is required"], missing["technicalApproach"]);
        Assert.Equal(["须填写团队成员 / The team is required"], missing["team"]);
        Assert.Equal(["须填写里程碑计划 / The milestone plan is required"], missing["milestones"]);
        Assert.Equal(["须响应每一项技术指标（缺2项） / Every technical indicator needs a response (2 missing)"], missing["indicatorResponses"]);
        var oneMissing = ContentRules.Missing(c, [c.IndicatorResponses[0].IndicatorId, Guid.NewGuid()]);
        Assert.Equal(["须响应每一项技术指标（缺1项） / Every technical indicator needs a response (1 missing)"], oneMissing["indicatorResponses"]);
    }

    [Fact]
    public void The_applicant_must_be_the_lead_of_its_consortium()
    {
        Assert.Null(ConsortiumRules.LeadRefusal(Lead, new ApplicationContent()));
        Assert.Null(ConsortiumRules.LeadRefusal(Lead, Sound()));
        var notLead = P(ConsortiumRules.LeadRefusal(Member, Sound()));
        Assert.Equal((400, ConsortiumRules.LeadMustBeApplicant), (notLead.Status, notLead.Code));
        Assert.Equal(["members"], notLead.Errors!.Keys);
        Assert.All(notLead.Errors["members"], m => FundingBoundaryTests.Bilingual(m));
        FundingBoundaryTests.Bilingual(notLead.Detail);
        // Listed, but as a member: still refused.
        var c = Sound();
        c.Members[0].Role = ConsortiumRole.Member;
        Assert.NotNull(ConsortiumRules.LeadRefusal(Lead, c));
    }

    [Fact]
    public void A_member_confirms_for_itself_and_a_district_for_a_named_member_of_its_district()
    {
        var (refusal, member) = ConsortiumRules.Target(Row(), Applicant(Member), null, Now, 3);
        Assert.Null(refusal);
        Assert.Equal(Member, member!.OrganisationId);
        Assert.Equal(Member, ConsortiumRules.Target(Row(), Applicant(Member), Member, Now, null).Member!.OrganisationId);
        Assert.Equal(Member, ConsortiumRules.Member(Row(), District("3201"), Member, Now, 3).OrganisationId);
    }

    [Fact]
    public void Confirmation_refusals_come_in_their_order()
    {
        Assert.Equal(404, P(ConsortiumRules.Target(null, Applicant(Member), null, Now, 3).Refusal).Status);
        // The task force sees the application but confirms for nobody.
        var taskForce = new Caller(Guid.NewGuid(), "专班", Roles.TaskForce, null, null, null);
        Assert.Equal(404, P(ConsortiumRules.Target(Row(), taskForce, Member, Now, 3).Refusal).Status);
        // Not visible to an applicant of another organisation.
        Assert.Equal(404, P(ConsortiumRules.Target(Row(), Applicant(Guid.NewGuid()), null, Now, 3).Refusal).Status);
        var other = P(ConsortiumRules.Target(Row(), Applicant(Member), Lead, Now, 3).Refusal);
        Assert.Equal((403, "forbidden"), (other.Status, other.Code));
        FundingBoundaryTests.Bilingual(other.Detail);
        var unnamed = P(ConsortiumRules.Target(Row(), District("3201"), null, Now, 3).Refusal);
        Assert.Equal((400, "validation_failed"), (unnamed.Status, unnamed.Code));
        Assert.Equal(["organisationId"], unnamed.Errors!.Keys);
        Assert.Equal(400, P(ConsortiumRules.Target(Row(), District("3201"), Guid.Empty, Now, 3).Refusal).Status);
        var lead = P(ConsortiumRules.Target(Row(), Applicant(Lead), null, Now, 3).Refusal);
        Assert.Equal((409, ConsortiumRules.NotAMember), (lead.Status, lead.Code));
        FundingBoundaryTests.Bilingual(lead.Detail);
        Assert.Equal(ConsortiumRules.NotAMember, P(ConsortiumRules.Target(Row(), District("3301"), Guid.NewGuid(), Now, 3).Refusal).Code);
        // The lead's district sees the application but the member lies outside it.
        var outside = P(ConsortiumRules.Target(Row(), District("3301"), Member, Now, 3).Refusal);
        Assert.Equal((403, "district.out_of_scope"), (outside.Status, outside.Code));
        FundingBoundaryTests.Bilingual(outside.Detail);
        Assert.Equal("concurrency.version_mismatch", P(ConsortiumRules.Target(Row(), Applicant(Member), null, Now, 2).Refusal).Code);
        Assert.Equal("application.window_closed", P(ConsortiumRules.Target(Row(closesAt: Now), Applicant(Member), null, Now, 2).Refusal).Code);
        var thrown = Assert.Throws<WriteRefused>(() => ConsortiumRules.Member(Row(ApplicationStatus.Eligible), Applicant(Member), null, Now, 3));
        Assert.Equal("application.invalid_state", Problems.Describe(thrown.Problem)!.Code);
        // An applicant user without an organisation is no party: it does not see the application.
        Assert.Equal(404, P(ConsortiumRules.Target(Row(), new Caller(Guid.NewGuid(), "x", Roles.Applicant, null, null, null), null, Now, 3).Refusal).Status);
    }

    private static Party P2(string type, string standing = "Good", string? base_ = "基地", int share = 10_000, ConsortiumRole role = ConsortiumRole.Lead,
        string region = "110108", string code = "91110108551385082Q", bool registered = true) =>
        new(Guid.NewGuid(), role, share, registered, "某单位", code, type, region, true, standing, base_);

    private static readonly Declarations All = new() { FirstCooperation = true, NoBadCreditRecord = true, IpProtection = true };

    private static List<RuleResult> Evaluate(IReadOnlyList<Party> parties, IReadOnlyCollection<Guid>? prior = null) =>
        Eligibility.Evaluate(new EligibilityInput(ApplicationPhase.Open, Issuer, parties, All, prior ?? [])).ToList();

    private static List<string> Failed(IReadOnlyList<Party> parties, IReadOnlyCollection<Guid>? prior = null) =>
        Evaluate(parties, prior).Where(r => !r.Passed).Select(r => r.Code).Distinct().ToList();

    [Theory]
    [InlineData(nameof(OrganisationTypes.University), true, false)]
    [InlineData(nameof(OrganisationTypes.Institute), true, false)]
    [InlineData(nameof(OrganisationTypes.NewRdInstitution), true, false)]
    [InlineData(nameof(OrganisationTypes.Enterprise), false, true)]
    [InlineData(nameof(OrganisationTypes.SocialOrganisation), false, true)]
    public void Each_type_answers_for_a_commercialisation_base_or_for_its_credit_standing(string type, bool needsBase, bool needsStanding)
    {
        Assert.Equal(needsBase ? [Eligibility.CommercialisationBase] : [], Failed([P2(type, base_: "")]));
        Assert.Equal(needsStanding ? [Eligibility.GoodStanding] : [], Failed([P2(type, standing: "BadRecord")]));
    }

    [Fact]
    public void Every_result_has_both_messages_and_a_failure_names_its_organisation()
    {
        var bad = P2(nameof(OrganisationTypes.Enterprise), standing: "BadRecord", share: 4000, role: ConsortiumRole.Member);
        var results = Evaluate([P2(nameof(OrganisationTypes.University), share: 6000), bad]);
        Assert.All(results, r => Assert.False(string.IsNullOrWhiteSpace(r.MessageZh) || string.IsNullOrWhiteSpace(r.MessageEn), r.Code));
        var standing = Assert.Single(results, r => !r.Passed);
        Assert.Equal((Eligibility.GoodStanding, bad.OrganisationId), (standing.Code, standing.OrganisationId));
        Assert.Equal("某单位（企业/社会组织）有不良信用记录", standing.MessageZh);
        Assert.Equal("某单位 (enterprise or social organisation) has a bad credit record", standing.MessageEn);
        Assert.All(results.Where(r => r.Passed), r => Assert.Null(r.OrganisationId));
    }

    [Fact]
    public void An_invalid_credit_code_does_not_also_fail_the_mainland_rule_and_a_registered_invalid_code_is_named()
    {
        var broken = P2(nameof(OrganisationTypes.Enterprise), code: "91110108551385082R");
        var results = Evaluate([broken]);
        var failure = Assert.Single(results, r => !r.Passed);
        Assert.Equal(Eligibility.CreditCodeValid, failure.Code);
        Assert.Contains("第18位校验码", failure.MessageZh);
        Assert.Contains("check character", failure.MessageEn);
        // A broken code is judged by the credit-code rule alone, even when its authority digits say Hong Kong.
        var brokenHongKong = P2(nameof(OrganisationTypes.Enterprise), code: "918100002N6W9UDK4J");
        Assert.Equal([Eligibility.CreditCodeValid], Failed([brokenHongKong]));
        // An unregistered party is judged for registration only.
        var ghost = P2(nameof(OrganisationTypes.Enterprise), code: "x", region: "810000", standing: "BadRecord", registered: false);
        Assert.Equal([Eligibility.Registered], Failed([ghost]));
        Assert.Contains(ghost.OrganisationId.ToString(), Assert.Single(Evaluate([ghost]), r => !r.Passed).MessageEn);
    }

    [Fact]
    public void The_issuer_and_a_prior_partner_are_each_named_and_the_issuer_message_differs()
    {
        var partner = P2(nameof(OrganisationTypes.Enterprise), share: 4000, role: ConsortiumRole.Member);
        var issuer = P2(nameof(OrganisationTypes.Enterprise), share: 6000) with { OrganisationId = Issuer };
        var failures = Evaluate([issuer, partner], [partner.OrganisationId]).Where(r => !r.Passed).ToList();
        Assert.Equal([(Eligibility.FirstCooperation, (Guid?)Issuer), (Eligibility.FirstCooperation, partner.OrganisationId)],
            failures.Select(f => (f.Code, f.OrganisationId)));
        Assert.Equal("The issuer cannot apply to its own challenge", failures[0].MessageEn);
        Assert.StartsWith("某单位 already has an R&D agreement", failures[1].MessageEn);
        // A prior agreement of an organisation not in the consortium does not matter.
        Assert.Empty(Failed([P2(nameof(OrganisationTypes.Enterprise))], [Guid.NewGuid()]));
    }

    [Fact]
    public void A_consortium_share_below_one_basis_point_and_the_sum_are_reported_with_the_figures()
    {
        var lead = P2(nameof(OrganisationTypes.University), share: 9_999);
        var results = Evaluate([lead, P2(nameof(OrganisationTypes.Enterprise), share: 1, role: ConsortiumRole.Member)]);
        Assert.True(Assert.Single(results, r => r.Code == Eligibility.Consortium).Passed);
        var negative = Evaluate([P2(nameof(OrganisationTypes.University), share: 10_001), P2(nameof(OrganisationTypes.Enterprise), share: -1, role: ConsortiumRole.Member)]);
        Assert.Equal("每家单位的预算份额须大于0", Assert.Single(negative, r => r.Code == Eligibility.Consortium).MessageZh);
        var sum = Evaluate([P2(nameof(OrganisationTypes.University), share: 5_000), P2(nameof(OrganisationTypes.Enterprise), share: 4_550, role: ConsortiumRole.Member)]);
        Assert.Equal("Budget shares must sum to 100% (they sum to 95.5%)", Assert.Single(sum, r => r.Code == Eligibility.Consortium).MessageEn);
        var twoLeads = Evaluate([P2(nameof(OrganisationTypes.University), share: 5_000), P2(nameof(OrganisationTypes.Enterprise), share: 5_000)]);
        Assert.Equal("There must be exactly one lead organisation (found 2)", Assert.Single(twoLeads, r => r.Code == Eligibility.Consortium).MessageEn);
        var duplicate = Evaluate([lead, lead with { Role = ConsortiumRole.Member, BudgetShareBp = 1 }]);
        Assert.Equal("An organisation appears more than once in the consortium", Assert.Single(duplicate, r => r.Code == Eligibility.Consortium).MessageEn);
    }
}
