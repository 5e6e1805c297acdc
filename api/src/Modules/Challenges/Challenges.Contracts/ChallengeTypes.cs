namespace Jiebang.Challenges.Contracts;

/// <summary>The lifecycle of a technical need (技术需求).</summary>
public enum ChallengeStatus
{
    Draft,
    Submitted,
    UnderReview,
    Approved,
    Rejected,
    Published,
    Awarded,
    Unawarded,
    Completed,
    Terminated,
    Withdrawn,
}

/// <summary>Derived from the batch window and the server clock; never stored.</summary>
public enum ApplicationPhase
{
    NotYetOpen,
    Open,
    Closed,
}

/// <summary>Technology fields of a call; the five priority fields of 强链工程 included.</summary>
public enum ChallengeField
{
    /// <summary>新一代信息技术</summary>
    NextGenerationIT,
    /// <summary>生物医药</summary>
    Biomedicine,
    /// <summary>人工智能</summary>
    ArtificialIntelligence,
    /// <summary>集成电路</summary>
    IntegratedCircuits,
    /// <summary>创新药物</summary>
    InnovativeDrugs,
    /// <summary>医疗器械</summary>
    MedicalDevices,
    /// <summary>智能制造</summary>
    SmartManufacturing,
    /// <summary>新材料</summary>
    NewMaterials,
    /// <summary>其他</summary>
    Other,
}

public static class ChallengeFields
{
    public static string NameZh(ChallengeField field) => field switch
    {
        ChallengeField.NextGenerationIT => "新一代信息技术",
        ChallengeField.Biomedicine => "生物医药",
        ChallengeField.ArtificialIntelligence => "人工智能",
        ChallengeField.IntegratedCircuits => "集成电路",
        ChallengeField.InnovativeDrugs => "创新药物",
        ChallengeField.MedicalDevices => "医疗器械",
        ChallengeField.SmartManufacturing => "智能制造",
        ChallengeField.NewMaterials => "新材料",
        _ => "其他",
    };

    public static string NameEn(ChallengeField field) => field switch
    {
        ChallengeField.NextGenerationIT => "Next-generation information technology",
        ChallengeField.Biomedicine => "Biomedicine",
        ChallengeField.ArtificialIntelligence => "Artificial intelligence",
        ChallengeField.IntegratedCircuits => "Integrated circuits",
        ChallengeField.InnovativeDrugs => "Innovative drugs",
        ChallengeField.MedicalDevices => "Medical devices",
        ChallengeField.SmartManufacturing => "Smart manufacturing",
        ChallengeField.NewMaterials => "New materials",
        _ => "Other",
    };

    /// <summary>The five priority fields named by the programme.</summary>
    public static bool IsPriority(ChallengeField field) => field is ChallengeField.ArtificialIntelligence
        or ChallengeField.IntegratedCircuits or ChallengeField.InnovativeDrugs or ChallengeField.MedicalDevices
        or ChallengeField.SmartManufacturing;
}
