using System.Data.Common;
using Dapper;
using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Paging;
using Jiebang.Review.Contracts;
using Jiebang.Review.Domain;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Objections.ListObjections;

/// <summary>Filters for a round's objections.</summary>
internal sealed class Request : PageRequest
{
    public ObjectionStatus? Status { get; set; }
    public Guid? Item { get; set; }
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => this.AddPageRules();
}

/// <summary>An objection (异议) filed during the publication period, with its resolution once on record.</summary>
internal sealed class ObjectionView
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public Guid ItemId { get; set; }
    public string SubjectCode { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The organisation of the party that filed it.</summary>
    public Guid OrganisationId { get; set; }
    public string Reason { get; set; } = "";
    public ObjectionStatus Status { get; set; }
    public string? Resolution { get; set; }
    public DateTimeOffset FiledAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

internal sealed class Endpoint(DbConnectionFactory db) : Endpoint<Request, Paged<ObjectionView>>
{
    public override void Configure()
    {
        Get("/api/v1/review/rounds/{id:guid}/objections");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor, Platform.Auth.Roles.Issuer, Platform.Auth.Roles.Applicant);
        Description(b => b.Api("Rounds_ListObjections", "Review",
                "论证轮次的异议列表 / The objections filed against a round, oldest first",
                "The task force and auditors see every objection of any round; a party of the publicised round (issuer, lead or member) only those its "
                + "own organisation filed; anyone else gets 404 for the round, as for its publication.")
            .Ok<Paged<ObjectionView>>().Problems(400, 401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        await using var connection = await db.OpenAsync(ct);
        var round = await RoundStore.LoadAsync(connection, Route<Guid>("id"));
        var visible = round is not null && (caller.ReadsEverything
            || (RoundLifecycle.IsPublished(round.Status) && caller.OrganisationId is { } org && await RoundStore.IsPartyAsync(connection, round.Id, org)));
        if (!visible)
        {
            await Send.ResultAsync(Problems.NotFound("round"));
        }
        else
        {
            await Send.OkAsync(await PageAsync(connection, req, caller, round!.Id), ct);
        }
    }

    private async Task<Paged<ObjectionView>> PageAsync(DbConnection connection, Request req, Caller caller, Guid roundId)
    {
        var where = new Conditions().And(Data.OfRound)
            .AndIf(!caller.ReadsEverything, Data.OfOrganisation)
            .AndIf(req.Status is not null, Data.WithStatus)
            .AndIf(req.Item is not null, Data.OfItem);
        var args = new
        {
            RoundId = roundId, Org = caller.OrganisationId, Status = req.Status?.ToString(), req.Item, Skip = req.Skip, Take = req.PageSize,
        };
        var total = await connection.ExecuteScalarAsync<int>($"{Data.Count} {where.Sql}", args);
        var items = await connection.QueryAsync<ObjectionView>(
            $"{Data.Select} {where.Sql} {Data.OrderBy} {db.Dialect.Page}", args);
        return new Paged<ObjectionView> { Items = items.AsList(), Total = total, Page = req.Page, PageSize = req.PageSize };
    }
}
