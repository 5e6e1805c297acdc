using Jiebang.Challenges.Contracts;

namespace Jiebang.Challenges.Demo;

/// <summary>
/// The first published batch of the Zhongguancun 强链工程 (December 2020), as reported at the time: ten needs with
/// their fields and titles, one named issuer, and the application window. Everything else about them was not made
/// public; the seeder labels those parts as demo placeholders.
/// </summary>
internal static class FirstBatch2020
{
    public const string ProgrammeCode = "ZGC-QLGC";
    public const string BatchCode = "ZGC-2020-01";
    public static readonly DateOnly OpensOn = new(2020, 12, 29);
    public static readonly DateOnly ClosesOn = new(2021, 2, 10);

    public sealed record Need(int No, ChallengeField Field, string TitleZh, string TitleEn, bool IssuerNamed);

    public static readonly Need[] Needs =
    [
        new(1, ChallengeField.NextGenerationIT, "面向存储器版图设计的浏览器及IP集成工具", "Layout browser and IP integration tool for memory layout design", false),
        new(2, ChallengeField.NextGenerationIT, "IPC（网络摄像机）加密授权芯片解决方案", "Encryption and licensing chip solution for IP cameras", false),
        new(3, ChallengeField.NextGenerationIT, "Micro LED显示控制集成电路", "Micro LED display control integrated circuit", false),
        new(4, ChallengeField.NextGenerationIT, "工业生产通用流程模拟系统软件", "General-purpose industrial process simulation software", false),
        new(5, ChallengeField.Biomedicine, "高性能医用涡轮", "High-performance medical turbine", false),
        new(6, ChallengeField.Biomedicine, "多自由度力控医用机械臂", "Multi-degree-of-freedom force-controlled medical robotic arm", true),
        new(7, ChallengeField.Biomedicine, "医用铂铬合金管", "Medical platinum-chromium alloy tubing", false),
        new(8, ChallengeField.Biomedicine, "CT滑环", "CT slip ring", false),
        new(9, ChallengeField.Biomedicine, "生物药生产的层析填料", "Chromatography resin for biopharmaceutical production", false),
        new(10, ChallengeField.Biomedicine, "一次性生物反应器内衬袋和中间品存放袋", "Single-use bioreactor liner bags and intermediate storage bags", false),
    ];

    public const string SourceNote =
        "来源：中关村示范区强链工程首批技术需求榜单（2020年12月）报道，领域与名称为原文；需求背景、技术指标、研发周期、投资额、采购承诺与联系人原文未公开，均为演示占位。 / " +
        "Source: report on the first 强链工程 batch (December 2020); field and title as published. " +
        "Background, indicators, period, investment, procurement and contact were not published and are demo placeholders.";
}
