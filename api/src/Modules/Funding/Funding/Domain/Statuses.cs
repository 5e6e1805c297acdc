namespace Jiebang.Funding.Domain;

/// <summary>台账记录类型（台账只增不改）/ Every kind of money movement; the ledger only ever grows.</summary>
internal enum LedgerKind
{
    /// <summary>签约时从批次预算锁定承诺资金 / A commitment reserved from the batch budget at signing.</summary>
    Commit,
    /// <summary>拨付一笔资金 / A tranche paid out.</summary>
    Disburse,
    /// <summary>调整承诺金额（带符号）/ A correction of the commitment (signed amount).</summary>
    Adjust,
    /// <summary>追回已拨资金，退回批次预算 / Paid money recovered; it returns to the batch budget.</summary>
    ClawBack,
    /// <summary>释放未拨付的承诺，退回批次预算 / Unpaid commitment handed back to the batch budget.</summary>
    Release,
}

/// <summary>协议状态 / The state of an agreement.</summary>
internal enum AgreementStatus
{
    /// <summary>执行中 / In force: milestones, reports and tranches follow.</summary>
    Active,
    /// <summary>验收通过，尚可拨付末笔资金并登记采购 / Acceptance passed; the final tranche and procurement may follow.</summary>
    Completed,
    /// <summary>已终止（含验收未通过）/ Terminated, including by a failed acceptance.</summary>
    Terminated,
    /// <summary>已结项：采购已登记或说明了豁免理由 / Procurement recorded or waived with a reason; nothing more happens.</summary>
    Closed,
}

/// <summary>协议方的角色 / The role of a party to the agreement.</summary>
internal enum PartyRole
{
    /// <summary>发榜企业 / The issuer.</summary>
    Issuer,
    /// <summary>揭榜牵头单位 / The lead applicant.</summary>
    Lead,
    /// <summary>联合体成员 / A consortium member.</summary>
    Member,
}

/// <summary>进展报告状态 / The state of a progress report.</summary>
internal enum ProgressReportStatus
{
    /// <summary>已提交，待工作专班核实 / Submitted; awaits the task force's verification.</summary>
    Submitted,
    /// <summary>已核实投入 / Investment verified.</summary>
    Verified,
    /// <summary>已退回 / Returned to the reporter.</summary>
    Returned,
}

/// <summary>What a person reads for an agreement's state, in Chinese and in English.</summary>
internal static class AgreementStatusNames
{
    public static string Chinese(AgreementStatus status) => status switch
    {
        AgreementStatus.Active => "执行中",
        AgreementStatus.Completed => "验收通过",
        AgreementStatus.Terminated => "已终止",
        AgreementStatus.Closed => "已结项",
        _ => "未知状态",
    };

    public static string English(AgreementStatus status) => status switch
    {
        AgreementStatus.Active => "in force",
        AgreementStatus.Completed => "accepted",
        AgreementStatus.Terminated => "terminated",
        AgreementStatus.Closed => "closed",
        _ => "in an unknown state",
    };
}
