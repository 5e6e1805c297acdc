using Dapper;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Data;
using Jiebang.Challenges.Contracts;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Platform.Database;
using Jiebang.Platform.Organisations;
using Jiebang.Review.Contracts;
using Jiebang.Review.Data;
using ApplicationInsert = Jiebang.Applications.Data.ApplicationWriter;
using ApplicationSubmit = Jiebang.Applications.Data.ApplicationStore;
using BatchInsert = Jiebang.Challenges.Data.BatchStore;
using ChallengeInsert = Jiebang.Challenges.Data.ChallengeStore;
using ExpertInsert = Jiebang.Review.Features.Experts.CreateExpert.Data;
using AgreementInsert = Jiebang.Funding.Features.Agreements.SignAgreement.Data;
using PolicyInsert = Jiebang.Funding.Features.Policy.SetFundingPolicy.Data;
using ProgrammeInsert = Jiebang.Challenges.Data.ProgrammeStore;
using RoundInsert = Jiebang.Review.Features.Rounds.CreateRound.Data;

namespace Jiebang.Perf;

/// <summary>
/// Scale profiles. S is the demo data plus a small perf set; M and L are the issue's sizes. Applications are the rush's
/// drafts (created through the API) plus bulk submitted applications in closed batches, whose first ones are the
/// subjects of the review rounds.
/// </summary>
internal sealed record Profile(string Name, int OpenBatches, int ClosedBatches, int ChallengesPerBatch, int Issuers, int Applicants,
    int RushApplications, int RushClients, int Experts, int ItemsPerRound, int Rounds, int BulkApplications, bool DemoSeed)
{
    public const int ExpertsPerItem = 5;
    public const int Criteria = 5;

    public int Challenges => (OpenBatches + ClosedBatches) * ChallengesPerBatch;
    public int Applications => RushApplications + BulkApplications;
    public int Scores => Rounds * ItemsPerRound * ExpertsPerItem * Criteria;

    public static Profile Of(string name) => name.ToUpperInvariant() switch
    {
        "S" => new Profile("S", 1, 1, 10, 10, 300, 1_000, 200, 50, 100, 1, 100, DemoSeed: true),
        "M" => new Profile("M", 9, 1, 20, 50, 2_000, 10_000, 200, 500, 1_000, 1, 1_000, DemoSeed: false),
        "L" => new Profile("L", 10, 90, 20, 500, 20_000, 10_000, 200, 5_000, 1_000, 20, 90_000, DemoSeed: false),
        _ => throw new ArgumentException($"Unknown profile '{name}'; use S, M or L."),
    };
}

internal sealed record OpenChallenge(Guid Id, IReadOnlyList<Guid> IndicatorIds);

internal sealed record Applicant(Guid Id);

internal sealed record GeneratedData(Guid ProgrammeId, IReadOnlyList<OpenChallenge> OpenChallenges, IReadOnlyList<Guid> PublishedChallenges,
    IReadOnlyList<Applicant> Applicants, Guid ResultsRoundId, string DistrictCode, TimeSpan Elapsed);

/// <summary>
/// Writes a profile's rows straight into a migrated database, through the modules' own INSERT statements where they
/// are reachable (programme, batch, challenge, expert, round, criterion, assignment, application, submission) and
/// column-for-column copies of the private ones (organisation, indicator, member, item, score).
/// </summary>
internal sealed class DataGenerator(DbConnectionFactory db, Profile profile)
{
    public const string District = "110108";
    private const int Chunk = 2_000;
    private static readonly ChallengeField[] Fields = Enum.GetValues<ChallengeField>();

    private const string InsertOrganisation = """
        INSERT INTO platform_organisation (id, credit_code, name, org_type, region_code, independent_legal_person,
            credit_standing, commercialisation_base, is_demo, note, created_at, updated_at, version)
        VALUES (@Id, @CreditCode, @Name, @Type, @RegionCode, @IndependentLegalPerson,
            @CreditStanding, @CommercialisationBase, @IsDemo, @Note, @Now, @Now, 1)
        """;

    private const string InsertIndicator = """
        INSERT INTO challenges_indicator (id, challenge_id, ordinal, name, target, unit, verification)
        VALUES (@Id, @ChallengeId, @Ordinal, @Name, @Target, @Unit, @Verification)
        """;

    private const string InsertMember = """
        INSERT INTO applications_member (application_id, ordinal, organisation_id, organisation_name, role, budget_share_bp)
        VALUES (@ApplicationId, @Ordinal, @OrganisationId, @OrganisationName, @Role, @BudgetShareBp)
        """;

    private const string InsertItem = """
        INSERT INTO review_item (id, round_id, subject_id, subject_code, title, field, issuer_organisation_id, conflict_organisations, added_at)
        VALUES (@Id, @RoundId, @SubjectId, @SubjectCode, @Title, @Field, @IssuerOrganisationId, @ConflictOrganisations, @Now)
        """;

    private const string InsertScores = "INSERT INTO review_score (assignment_id, criterion_ordinal, score_hundredths) VALUES";

    private sealed record Org(Guid Id, string Name);

    private sealed record ChallengeRef(Guid Id, string Code, string Title, Guid BatchId, Guid IssuerId, ChallengeField Field,
        DateTimeOffset ClosesAt, IReadOnlyList<Guid> IndicatorIds);

    private sealed record BulkApplication(Guid Id, string Code, ChallengeRef Challenge, Org Lead);

    public async Task<GeneratedData> GenerateAsync()
    {
        var started = TimeProvider.System.GetTimestamp();
        var now = DateTimeOffset.UtcNow;
        var random = new Random(20261128);

        var issuers = Enumerable.Range(0, profile.Issuers).Select(i => new Org(Guid.CreateVersion7(), $"性能测试发榜企业{i:D4}")).ToList();
        var applicants = Enumerable.Range(0, profile.Applicants).Select(i => new Org(Guid.CreateVersion7(), $"性能测试揭榜单位{i:D5}")).ToList();
        await InsertChunkedAsync(InsertOrganisation, issuers.Select((o, i) => Organisation(o, $"91{District}Q{i:D8}", now))
            .Concat(applicants.Select((o, i) => Organisation(o, $"91{District}P{i:D8}", now))));

        var programmeId = Guid.CreateVersion7();
        var open = new List<ChallengeRef>();
        var closed = new List<ChallengeRef>();
        await using (var connection = await db.OpenAsync())
        {
            await connection.ExecuteAsync(ProgrammeInsert.Insert, new
            {
                Id = programmeId, Code = "PERF", Name = "性能测试专项", NameEn = "Performance programme", OperatorName = "性能测试",
                Description = "bench data", TargetConsortia = 100, TargetYear = 2027, IsDemo = false, Now = now,
            });
        }
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var batches = profile.OpenBatches + profile.ClosedBatches;
        var challengeRows = new List<object>();
        var indicatorRows = new List<object>();
        await using (var connection = await db.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            for (var b = 0; b < batches; b++)
            {
                var isOpen = b < profile.OpenBatches;
                var opensOn = isOpen ? today.AddDays(-7) : today.AddDays(-400 + b);
                var closesOn = isOpen ? today.AddDays(30) : today.AddDays(-300 + b);
                var batchId = Guid.CreateVersion7();
                var batchCode = $"PERF-B{b + 1:D3}";
                await connection.ExecuteAsync(BatchInsert.Insert, new
                {
                    Id = batchId, ProgrammeId = programmeId, Code = batchCode, Name = $"性能测试批次{b + 1}", NameEn = $"Perf batch {b + 1}",
                    OpensOn = Day(opensOn), ClosesOn = Day(closesOn), OpensAt = Shanghai(opensOn), ClosesAt = Shanghai(closesOn.AddDays(1)),
                    Status = "Published", PublishedAt = Shanghai(opensOn), IsDemo = false, Note = (string?)null, Now = now,
                }, tx);
                await connection.ExecuteAsync("UPDATE challenges_batch SET challenge_seq = @Seq WHERE id = @Id",
                    new { Seq = profile.ChallengesPerBatch, Id = batchId }, tx);
                for (var c = 0; c < profile.ChallengesPerBatch; c++)
                {
                    var n = b * profile.ChallengesPerBatch + c;
                    var issuer = issuers[n % issuers.Count];
                    var field = Fields[n % Fields.Length];
                    var challenge = new ChallengeRef(Guid.CreateVersion7(), $"{batchCode}-{c + 1:D2}", $"性能测试技术需求{n + 1:D4}：{ChallengeFields.NameZh(field)}关键技术",
                        batchId, issuer.Id, field, Shanghai(closesOn.AddDays(1)), [Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7()]);
                    (isOpen ? open : closed).Add(challenge);
                    challengeRows.Add(new
                    {
                        challenge.Id, challenge.Code, BatchId = batchId, OrganisationId = issuer.Id, OrganisationName = issuer.Name,
                        Field = field.ToString(), challenge.Title, TitleEn = $"Perf challenge {n + 1}",
                        Background = $"性能测试背景：{challenge.Title}。该需求用于衡量公开榜单与详情的吞吐量。",
                        Deliverables = """["样机一套","检测报告"]""", RdMonths = 24, PlannedInvestmentFen = 500_000_000L + n,
                        ProcurementAmountFen = (long?)100_000_000L, ProcurementQuantity = "1套", ProcurementTerms = "验收合格后采购",
                        ContactName = "联系人", ContactPhone = "010-00000000", ContactEmail = "perf@example.org",
                        Status = nameof(ChallengeStatus.Published), SourceNote = "perf", IsDemo = false, CreatedBy = (Guid?)null, Now = now,
                    });
                    indicatorRows.AddRange(challenge.IndicatorIds.Select((id, i) => new
                    {
                        Id = id, ChallengeId = challenge.Id, Ordinal = i + 1, Name = $"指标{i + 1}", Target = $"≥{90 + i}%", Unit = "%",
                        Verification = "第三方检测",
                    }));
                }
            }
            await connection.ExecuteAsync(ChallengeInsert.Insert, challengeRows, tx);
            await connection.ExecuteAsync("UPDATE challenges_challenge SET submitted_at = @At, published_at = @At WHERE source_note = 'perf'",
                new { At = now.AddDays(-10) }, tx);
            await connection.ExecuteAsync(InsertIndicator, indicatorRows, tx);
            await tx.CommitAsync();
        }

        var experts = Enumerable.Range(0, profile.Experts).Select(_ => Guid.CreateVersion7()).ToList();
        await InsertChunkedAsync(ExpertInsert.Insert, experts.Select((id, i) => (object)new
        {
            Id = id, Name = $"专家{i:D5}", Title = "研究员", Fields = ExpertStore.FormatFields([Fields[i % Fields.Length], Fields[(i + 3) % Fields.Length]]),
            AffiliationOrganisationId = (Guid?)null, Active = true, Now = now,
        }));

        var bulk = Enumerable.Range(0, profile.BulkApplications).Select(j =>
        {
            var challenge = closed[j % closed.Count];
            return new BulkApplication(Guid.CreateVersion7(), $"{challenge.Code}-P{j:D6}", challenge, applicants[j % applicants.Count]);
        }).ToList();
        foreach (var chunk in bulk.Chunk(Chunk))
        {
            await using var connection = await db.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            foreach (var a in chunk)
            {
                var content = Content(a.Challenge.IndicatorIds);
                await connection.ExecuteAsync(ApplicationInsert.Insert, new
                {
                    a.Id, a.Code, ChallengeId = a.Challenge.Id, ChallengeCode = a.Challenge.Code, ChallengeTitle = a.Challenge.Title,
                    a.Challenge.BatchId, IssuerOrganisationId = a.Challenge.IssuerId, a.Challenge.ClosesAt, LeadOrganisationId = a.Lead.Id,
                    LeadOrganisationName = a.Lead.Name, LeadRegionCode = District, Status = "Draft", Content = ApplicationStore.Serialize(content),
                    content.OwnInvestmentFen, CreatedBy = (Guid?)null, CreatedByDistrict = District, IsDemo = false, Now = a.Challenge.ClosesAt.AddDays(-20),
                }, tx);
                await connection.ExecuteAsync(InsertMember, new
                {
                    ApplicationId = a.Id, Ordinal = 1, OrganisationId = a.Lead.Id, OrganisationName = a.Lead.Name, Role = "Lead", BudgetShareBp = 10_000,
                }, tx);
                var submittedAt = a.Challenge.ClosesAt.AddDays(-1);
                await connection.ExecuteAsync(ApplicationSubmit.InsertVersion, new
                {
                    Id = Guid.CreateVersion7(), ApplicationId = a.Id, VersionNo = 1, Content = ApplicationSubmit.Snapshot(content, []),
                    Now = submittedAt, SubmittedBy = "性能测试",
                }, tx);
                await connection.ExecuteAsync(ApplicationSubmit.MarkSubmitted, new { a.Id, VersionNo = 1, Now = submittedAt, Version = 1 }, tx);
            }
            await tx.CommitAsync();
        }

        var resultsRound = Guid.Empty;
        for (var r = 0; r < profile.Rounds; r++)
        {
            var roundId = await RoundAsync(r, bulk.Skip(r * profile.ItemsPerRound).Take(profile.ItemsPerRound).ToList(), experts, random, now);
            if (r == 0)
            {
                resultsRound = roundId;
            }
        }

        // The rush drafts for applicants without an agreement: a second agreement with the same issuer is refused by the
        // first-cooperation rule (application.ineligible), which is the rule working, not the rush failing.
        var contracted = await FundingAsync(closed, bulk, random, now);

        var published = open.Concat(closed).Select(c => c.Id).ToList();
        return new GeneratedData(programmeId, open.Select(c => new OpenChallenge(c.Id, c.IndicatorIds)).ToList(), published,
            applicants.Where(a => !contracted.Contains(a.Id)).Select(a => new Applicant(a.Id)).ToList(), resultsRound, District, TimeProvider.System.GetElapsedTime(started));
    }

    private const string InsertProcurement = """
        INSERT INTO funding_procurement (id, agreement_id, contract_date, amount_fen, product, recorded_by, recorded_at)
        VALUES (@Id, @AgreementId, @ContractDate, @AmountFen, @Product, @RecordedBy, @Now)
        """;

    /// <summary>
    /// What the programme dashboard reads, for the closed batches: a funding policy per batch; of each batch's challenges
    /// six in ten awarded with a signed agreement to their first application (issuer and lead as parties, the commitment and
    /// one or two tranches in the ledger, one in three with a procurement contract), two unawarded, two undecided.
    /// </summary>
    /// <returns>The applicants that lead an agreement.</returns>
    private async Task<HashSet<Guid>> FundingAsync(IReadOnlyList<ChallengeRef> closed, IReadOnlyList<BulkApplication> bulk, Random random, DateTimeOffset now)
    {
        var contracted = new HashSet<Guid>();
        var firstApplication = bulk.GroupBy(a => a.Challenge.Id).ToDictionary(g => g.Key, g => g.First());
        var actor = new Jiebang.Platform.Auth.Caller(null, "性能测试", "TaskForce", null, null, null);
        var plan = AgreementStore.WritePlan([new Tranche(40, 0), new Tranche(60, 1)]);
        foreach (var batch in closed.GroupBy(c => c.BatchId))
        {
            await using var connection = await db.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(PolicyInsert.Insert, new
            {
                BatchId = batch.Key, RatioBp = 3_000, CapPerProjectFen = 500_000_000L, TotalBudgetFen = 20_000_000_000L, Tranches = plan, Now = now.AddDays(-200),
            }, tx);
            foreach (var (challenge, n) in batch.Select((c, n) => (c, n)))
            {
                var outcome = (n % 10) switch { < 6 => ChallengeStatus.Awarded, < 8 => ChallengeStatus.Unawarded, _ => ChallengeStatus.Published };
                await connection.ExecuteAsync("UPDATE challenges_challenge SET status = @Status WHERE id = @Id",
                    new { Status = outcome.ToString(), challenge.Id }, tx);
                if (outcome != ChallengeStatus.Awarded || !firstApplication.TryGetValue(challenge.Id, out var application))
                {
                    continue;
                }
                var id = Guid.CreateVersion7();
                contracted.Add(application.Lead.Id);
                var signedAt = now.AddDays(-random.Next(20, 120));
                var issuerInvestment = 600_000_000L + random.Next(0, 100) * 1_000_000L;
                var applicantInvestment = 300_000_000L;
                var commitment = FundingArithmetic.Commitment(3_000, issuerInvestment, applicantInvestment, 500_000_000L);
                await connection.ExecuteAsync(AgreementInsert.InsertAgreement, new
                {
                    Id = id, Code = "XY-" + application.Code, ApplicationId = application.Id, ChallengeId = challenge.Id, BatchId = batch.Key,
                    IssuerOrganisationId = challenge.IssuerId, LeadOrganisationId = application.Lead.Id, IssuerInvestmentFen = issuerInvestment,
                    ApplicantInvestmentFen = applicantInvestment, RatioBp = 3_000, CapFen = 500_000_000L, CommitmentFen = commitment, Tranches = plan,
                    StartsOn = AgreementStore.FormatDay(DateOnly.FromDateTime(signedAt.UtcDateTime)),
                    EndsOn = AgreementStore.FormatDay(DateOnly.FromDateTime(signedAt.UtcDateTime).AddYears(2)),
                    Status = nameof(AgreementStatus.Active), Now = signedAt, SignedBy = actor.Name,
                }, tx);
                await connection.ExecuteAsync(AgreementInsert.InsertParty, new[]
                {
                    new { AgreementId = id, OrganisationId = challenge.IssuerId, Role = nameof(PartyRole.Issuer), IssuerOrganisationId = challenge.IssuerId },
                    new { AgreementId = id, OrganisationId = application.Lead.Id, Role = nameof(PartyRole.Lead), IssuerOrganisationId = challenge.IssuerId },
                }, tx);
                await AgreementStore.AppendAsync(connection, tx, id, batch.Key, LedgerKind.Commit, commitment, null, "签约承诺（性能测试）", actor, signedAt);
                await AgreementStore.AppendAsync(connection, tx, id, batch.Key, LedgerKind.Disburse, commitment * 40 / 100, 0, "首笔拨付（性能测试）", actor,
                    signedAt.AddDays(5));
                if (n % 2 == 0)
                {
                    await AgreementStore.AppendAsync(connection, tx, id, batch.Key, LedgerKind.Disburse, commitment * 60 / 100, 1, "第二笔拨付（性能测试）", actor,
                        signedAt.AddDays(15));
                }
                if (n % 3 == 0)
                {
                    await connection.ExecuteAsync(InsertProcurement, new
                    {
                        Id = Guid.CreateVersion7(), AgreementId = id,
                        ContractDate = AgreementStore.FormatDay(DateOnly.FromDateTime(signedAt.UtcDateTime).AddDays(10)),
                        AmountFen = 100_000_000L, Product = "样机采购（性能测试）", RecordedBy = actor.Name, Now = signedAt.AddDays(10),
                    }, tx);
                }
            }
            await tx.CommitAsync();
        }
        return contracted;
    }

    /// <summary>A closed application round: its items, five submitted score sheets per item over five criteria.</summary>
    private async Task<Guid> RoundAsync(int index, IReadOnlyList<BulkApplication> subjects, IReadOnlyList<Guid> experts, Random random, DateTimeOffset now)
    {
        var roundId = Guid.CreateVersion7();
        await using (var connection = await db.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync(RoundInsert.Insert, new
            {
                Id = roundId, Kind = nameof(ReviewRoundKind.ApplicationReview), Name = $"性能测试论证{index + 1}", Status = nameof(ReviewRoundStatus.Closed),
                PassThresholdHundredths = 6_000, ExpertsPerItem = Profile.ExpertsPerItem, MaxLoad = 1_000, SpreadLimitHundredths = 2_000,
                ScoringOpensAt = now.AddDays(-20), ScoringClosesAt = now.AddDays(-10), Visibility = nameof(ReviewVisibility.SealedUntilClose), Now = now.AddDays(-30),
            }, tx);
            await connection.ExecuteAsync(RoundStore.InsertCriterion, Enumerable.Range(1, Profile.Criteria).Select(o => new
            {
                RoundId = roundId, Ordinal = o, Name = $"评分项{o}", WeightHundredths = 20, MaxScore = 100, ThresholdHundredths = o == 1 ? (int?)5_000 : null,
            }), tx);
            await tx.CommitAsync();
        }
        foreach (var chunk in subjects.Select((s, i) => (Subject: s, Position: index * subjects.Count + i)).Chunk(Chunk / 4))
        {
            await using var connection = await db.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            var items = new List<object>();
            var assignments = new List<object>();
            var scores = new List<(Guid Id, int Ordinal, int Hundredths)>();
            foreach (var (subject, position) in chunk)
            {
                var itemId = Guid.CreateVersion7();
                items.Add(new
                {
                    Id = itemId, RoundId = roundId, SubjectId = subject.Id, SubjectCode = subject.Code, subject.Challenge.Title,
                    Field = subject.Challenge.Field.ToString(), IssuerOrganisationId = subject.Challenge.IssuerId,
                    ConflictOrganisations = subject.Lead.Id.ToString(), Now = now.AddDays(-25),
                });
                for (var k = 0; k < Profile.ExpertsPerItem; k++)
                {
                    var assignmentId = Guid.CreateVersion7();
                    assignments.Add(new { Id = assignmentId, RoundId = roundId, ItemId = itemId, ExpertId = experts[(position * Profile.ExpertsPerItem + k) % experts.Count], Now = now.AddDays(-21) });
                    for (var o = 1; o <= Profile.Criteria; o++)
                    {
                        scores.Add((assignmentId, o, random.Next(50, 100) * 100));
                    }
                }
            }
            await connection.ExecuteAsync(InsertItem, items, tx);
            await connection.ExecuteAsync(AssignmentStore.Insert, assignments, tx);
            foreach (var batch in scores.Chunk(200))
            {
                // Many rows per statement: half a million single-row round trips dominate the generation on PostgreSQL.
                var parameters = new DynamicParameters();
                var values = batch.Select((row, n) =>
                {
                    parameters.Add($"A{n}", row.Id);
                    parameters.Add($"O{n}", row.Ordinal);
                    parameters.Add($"H{n}", row.Hundredths);
                    return $"(@A{n}, @O{n}, @H{n})";
                });
                await connection.ExecuteAsync($"{InsertScores} {string.Join(", ", values)}", parameters, tx);
            }
            await tx.CommitAsync();
        }
        await using (var connection = await db.OpenAsync())
        {
            // What SubmitScore leaves behind for every sheet.
            await connection.ExecuteAsync("""
                UPDATE review_assignment SET score_status = 'Submitted', saved_at = @At, submitted_at = @At, version = version + 1 WHERE round_id = @RoundId
                """, new { RoundId = roundId, At = now.AddDays(-11) });
        }
        await using (var connection = await db.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            // What closing the round keeps: its results per item and criterion.
            var round = await RoundStore.LoadAsync(connection, roundId, tx);
            await RoundResults.KeepAsync(connection, tx, round!);
            await tx.CommitAsync();
        }
        return roundId;
    }

    /// <summary>A complete application body for a challenge with these indicators, as a portal would send it.</summary>
    public static ApplicationContent Content(IEnumerable<Guid> indicatorIds) => new()
    {
        TechnicalApproach = "采用多模态力反馈闭环控制方案，分三阶段完成样机、测试与验收。",
        Team = [new TeamMember { Name = "李教授", Title = "教授", Role = "项目负责人" }],
        IndicatorResponses = indicatorIds.Select(id => new IndicatorResponse { IndicatorId = id, CommittedValue = "≥95%", Note = "优于需求" }).ToList(),
        OwnInvestmentFen = 300_000_000L,
        Milestones = [new Milestone { Name = "样机", DueMonth = 12, Deliverable = "样机一套" }, new Milestone { Name = "验收", DueMonth = 24, Deliverable = "检测报告" }],
        Declarations = new Declarations { FirstCooperation = true, NoBadCreditRecord = true, IpProtection = true },
    };

    private async Task InsertChunkedAsync(string sql, IEnumerable<object> rows)
    {
        foreach (var chunk in rows.Chunk(Chunk))
        {
            await using var connection = await db.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(sql, chunk, tx);
            await tx.CommitAsync();
        }
    }

    private static object Organisation(Org org, string first17, DateTimeOffset now) => new
    {
        org.Id, CreditCode = first17 + CreditCode.CheckCharacter(first17), org.Name, Type = nameof(OrganisationType.Enterprise), RegionCode = District,
        IndependentLegalPerson = true, CreditStanding = nameof(CreditStanding.Good), CommercialisationBase = "自有中试线",
        IsDemo = false, Note = "perf", Now = now,
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Shanghai(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
}
