namespace Jiebang.Review.Domain;

/// <summary>专家分配的状态 / The state of an expert's assignment to an item.</summary>
internal static class AssignmentStatus
{
    /// <summary>有效，专家应评分 / In force: the expert is to score the item.</summary>
    public const string Active = "Active";
    /// <summary>专家已谢绝 / Declined by the expert.</summary>
    public const string Declined = "Declined";
    /// <summary>专家因利益冲突回避 / The expert recused itself for a conflict of interest.</summary>
    public const string Recused = "Recused";
    /// <summary>工作专班撤销分配（附书面理由）/ Taken off the item by the task force, with a written reason.</summary>
    public const string Removed = "Removed";
}

/// <summary>专家评分表的状态 / The state of an expert's score sheet.</summary>
internal static class ScoreStatus
{
    /// <summary>尚未评分 / Nothing scored yet.</summary>
    public const string None = "None";
    /// <summary>已暂存，可修改 / Saved as a draft; still editable.</summary>
    public const string Draft = "Draft";
    /// <summary>已提交并锁定 / Submitted and locked.</summary>
    public const string Submitted = "Submitted";
}
