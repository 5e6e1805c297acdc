using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Demo;
using Jiebang.Platform.Time;
using Jiebang.Platform.Writes;
using Org = Jiebang.Challenges.Demo.Data.Org;

namespace Jiebang.Challenges.Demo;

/// <summary>The first 2020 batch (facts as reported) and labelled demo batches whose windows sit around today.</summary>
internal sealed class ChallengesDemoSeeder(WritePath writes, TimeProvider clock) : IDemoSeeder
{
    public int Order => 10;

    public Task SeedAsync(CancellationToken ct) => writes.ExecuteAsync(Caller.SystemFor("DemoData"), async w =>
    {
        if (await w.ExecuteScalarAsync<int>(ProgrammeStore.CodeTaken, new { Code = FirstBatch2020.ProgrammeCode }) > 0)
        {
            return false;
        }
        var (connection, tx, now) = (w.Connection, w.Transaction, w.Now);
        async Task<Org> OrgAsync(string code) => await connection.QuerySingleAsync<Org>(Data.OrganisationByCode, new { Code = code }, tx);

        var programmeId = Guid.CreateVersion7();
        await w.ExecuteAsync(ProgrammeStore.Insert, new
        {
            Id = programmeId, Code = FirstBatch2020.ProgrammeCode, Name = "中关村示范区强链工程",
            NameEn = "Zhongguancun Chain-Strengthening Program", OperatorName = "中关村管委会",
            Description = "需求准：谁被卡谁出题；主体实：谁出题谁出资；机制新：谁能干谁来干；粘性强：谁牵头谁采购。" +
                          "重点领域：人工智能、集成电路、创新药物、医疗器械、智能制造。到2025年组建30个创新联合体。",
            TargetConsortia = 30, TargetYear = 2025, IsDemo = false, Now = now,
        });

        // The first batch, as reported in December 2020.
        var firstBatch = await BatchStore.InsertAsync(connection, tx, programmeId, FirstBatch2020.BatchCode, "首批技术需求榜单",
            "First batch of technical needs", FirstBatch2020.OpensOn, FirstBatch2020.ClosesOn, BatchStatus.Published, isDemo: false,
            note: "收到20多家企业60余项需求，发布10项（报道原文） / 60+ needs from 20+ enterprises received, 10 published (as reported)", now);
        var tinavi = await OrgAsync(DemoAccounts.Tinavi);
        var undisclosed = await OrgAsync(DemoAccounts.Undisclosed);
        foreach (var need in FirstBatch2020.Needs)
        {
            var issuer = need.IssuerNamed ? tinavi : undisclosed;
            await ChallengeStore.InsertAsync(connection, tx, firstBatch, issuer.Id, issuer.Name, new Content
            {
                Field = need.Field,
                Title = need.TitleZh,
                TitleEn = need.TitleEn,
                Background = "（演示占位）原榜单报道未公开需求背景。 / (Demo placeholder) The report did not publish the background.",
                Indicators = [new IndicatorInput { Name = "（演示占位）技术指标未公开", Target = "见原榜单", Verification = "演示占位 / demo placeholder" }],
                Deliverables = ["（演示占位）交付物未公开"],
                RdMonths = 24,
                PlannedInvestmentFen = 0,
                Procurement = new ProcurementCommitment { Quantity = "发榜企业承诺意向采购；金额未公开（演示占位）", Terms = "研发成功后纳入供应链（报道原文）" },
                Contact = new ContactInfo { Name = "中关村管委会工作专班（演示占位）", Phone = "010-00000000（演示）" },
            }, ChallengeStatus.Published, null, now, isDemo: false, sourceNote: FirstBatch2020.SourceNote, anyBatchStatus: true);
        }
        await w.ExecuteAsync(Data.MarkPublished, new
        {
            At = Shanghai.StartOfDay(FirstBatch2020.OpensOn), BatchId = firstBatch, Published = nameof(ChallengeStatus.Published),
        });

        // A demo batch whose window is open now, so every later step can be tried.
        var today = Shanghai.Today(clock);
        var issuerA = await OrgAsync(DemoAccounts.IssuerA);
        var issuerB = await OrgAsync(DemoAccounts.IssuerB);
        var openBatch = await BatchStore.InsertAsync(connection, tx, programmeId, "DEMO-OPEN", "演示批次（演示数据，申报期开放中）",
            "Demo batch (demo data, window open)", today.AddDays(-7), today.AddDays(30), BatchStatus.Published, isDemo: true,
            note: "演示数据：申报期按初始化当天计算 / demo data: window set relative to the day the demo data was loaded", now);
        foreach (var (org, content) in DemoNeeds(issuerA, issuerB))
        {
            await ChallengeStore.InsertAsync(connection, tx, openBatch, org.Id, org.Name, content, ChallengeStatus.Published, null, now,
                isDemo: true, sourceNote: "演示数据 / demo data", anyBatchStatus: true);
        }
        await w.ExecuteAsync(Data.MarkPublished, new
        {
            At = Shanghai.StartOfDay(today.AddDays(-7)), BatchId = openBatch, Published = nameof(ChallengeStatus.Published),
        });

        // A demo batch still collecting needs: a draft, a submitted and an approved one for the task force to handle.
        var collecting = await BatchStore.InsertAsync(connection, tx, programmeId, "DEMO-NEXT", "下一批次征集中（演示数据）",
            "Next batch, collecting needs (demo data)", today.AddDays(40), today.AddDays(80), BatchStatus.Draft, isDemo: true,
            note: "演示数据 / demo data", now);
        var statuses = new[] { ChallengeStatus.Draft, ChallengeStatus.Submitted, ChallengeStatus.Approved };
        var index = 0;
        foreach (var (org, content) in NextNeeds(issuerA, issuerB))
        {
            await ChallengeStore.InsertAsync(connection, tx, collecting, org.Id, org.Name, content, statuses[index++ % statuses.Length],
                null, now, isDemo: true, sourceNote: "演示数据 / demo data");
        }

        await w.AuditAsync(ChallengeStore.Module, "Programme", programmeId, "SeedDemoData",
            new { batches = new[] { FirstBatch2020.BatchCode, "DEMO-OPEN", "DEMO-NEXT" } });
        return true;
    }, ct);

    private sealed class Content : ChallengeContent;

    private static Content Demo(ChallengeField field, string title, string background, long investmentWan, long procurementWan,
        params (string Name, string Target, string Unit)[] indicators) => new()
    {
        Field = field,
        Title = title,
        Background = background + "（演示数据）",
        Indicators = indicators.Select(i => new IndicatorInput { Name = i.Name, Target = i.Target, Unit = i.Unit, Verification = "第三方检测（演示数据）" }).ToList(),
        Deliverables = ["样机一套（演示数据）", "测试报告（演示数据）"],
        RdMonths = 24,
        PlannedInvestmentFen = investmentWan * 1_000_000,
        Procurement = new ProcurementCommitment { AmountFen = procurementWan * 1_000_000, Quantity = "验收后首年意向采购（演示数据）", Terms = "通过验收后签订采购合同（演示数据）" },
        Contact = new ContactInfo { Name = "张工（演示）", Phone = "010-00000001（演示）", Email = "demo@example.invalid" },
    };

    private static IEnumerable<(Org, Content)> DemoNeeds(Org a, Org b) =>
    [
        (a, Demo(ChallengeField.IntegratedCircuits, "【演示】车规级功率半导体驱动芯片", "整车厂供应链依赖进口驱动芯片", 800, 3000,
            ("工作温度范围", "-40~150", "℃"), ("开关频率", "≥100", "kHz"))),
        (a, Demo(ChallengeField.ArtificialIntelligence, "【演示】工业视觉缺陷检测算法平台", "产线质检依赖国外软件授权", 500, 1200,
            ("检出率", "≥99.5", "%"), ("单帧处理时间", "≤50", "ms"))),
        (b, Demo(ChallengeField.MedicalDevices, "【演示】高分辨率超声探头阵元", "探头核心部件进口周期长", 600, 2000,
            ("阵元数", "≥192", "个"), ("中心频率", "7.5", "MHz"))),
        (b, Demo(ChallengeField.SmartManufacturing, "【演示】高精度谐波减速器", "机器人关节减速器依赖进口", 900, 5000,
            ("传动精度", "≤30", "arcsec"), ("寿命", "≥10000", "h"))),
    ];

    private static IEnumerable<(Org, Content)> NextNeeds(Org a, Org b) =>
    [
        (a, Demo(ChallengeField.InnovativeDrugs, "【演示】抗体药物连续流纯化工艺", "批次纯化成本高", 700, 1500, ("收率", "≥85", "%"))),
        (b, Demo(ChallengeField.NewMaterials, "【演示】高纯电子级氢氟酸", "关键材料依赖进口", 400, 1000, ("纯度", "≥99.9999", "%"))),
        (a, Demo(ChallengeField.SmartManufacturing, "【演示】五轴数控系统实时内核", "数控系统受制于人", 1000, 4000, ("插补周期", "≤0.5", "ms"))),
    ];
}
