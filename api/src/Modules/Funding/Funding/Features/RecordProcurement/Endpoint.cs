using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Funding.Features.Shared;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;

namespace Jiebang.Funding.Features.RecordProcurement;

/// <summary>A procurement contract the issuer signed for the result (谁牵头谁采购).</summary>
internal sealed class Request
{
    public DateOnly ContractDate { get; set; }
    public long AmountFen { get; set; }
    /// <summary>What was bought (product, model, quantity).</summary>
    public string Product { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.ContractDate).NotEqual(default(DateOnly)).WithMessage("需要合同日期 / The contract date is required");
        RuleFor(x => x.AmountFen).GreaterThan(0).WithMessage("采购金额须大于零 / The amount must be positive");
        RuleFor(x => x.Product).NotEmpty().MaximumLength(300);
    }
}

internal sealed class Endpoint(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : Endpoint<Request, Procurement>
{
    private const string Insert = """
        INSERT INTO funding_procurement (id, agreement_id, contract_date, amount_fen, product, recorded_by, recorded_at)
        VALUES (@Id, @AgreementId, @ContractDate, @AmountFen, @Product, @RecordedBy, @Now)
        """;

    public override void Configure()
    {
        Post("/api/v1/agreements/{id:guid}/procurements");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Issuer);
        Description(b => b.Api("Agreements_RecordProcurement", "Funding",
                "登记发榜企业的采购合同（纳入供应链） / Record the issuer's procurement of the result",
                "Only after acceptance passed (409 funding.not_accepted); the issuer records its own, the task force any.")
            .Body<Request>().Ok<Procurement>(201).Problems(400, 401, 403, 404, 409).Codes(409, "funding.not_accepted"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var agreement = await FundingStore.AgreementAsync(connection, id, tx);
            if (agreement is null || !(caller.IsTaskForce || (caller.IsIssuer && caller.BelongsTo(agreement.IssuerOrganisationId))))
            {
                await Send.ResultAsync(Problems.NotFound("agreement"));
                return;
            }
            if (agreement.Status != AgreementStatus.Completed)
            {
                await Send.ResultAsync(Problems.Conflict("funding.not_accepted",
                    $"协议当前状态为 {agreement.Status}，验收通过后方可登记采购", $"The agreement is {agreement.Status}; procurement is recorded after acceptance passed"));
                return;
            }
            var now = clock.GetUtcNow();
            var procurementId = Guid.CreateVersion7();
            var product = req.Product.Trim();
            await connection.ExecuteAsync(Insert, new
            {
                Id = procurementId, AgreementId = id, ContractDate = FundingStore.FormatDay(req.ContractDate), req.AmountFen, Product = product,
                RecordedBy = caller.Name, Now = now,
            }, tx);
            await audit.WriteAsync(connection, tx, caller, FundingStore.Module, "Agreement", id, "RecordProcurement",
                new { procurement = procurementId, req.AmountFen, product, contractDate = req.ContractDate });
            await tx.CommitAsync(ct);
            await Send.ResponseAsync(new Procurement(procurementId, req.ContractDate, req.AmountFen, product, caller.Name, now), 201, ct);
        }
    }
}
