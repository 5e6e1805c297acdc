namespace Jiebang.Review.Features.Rounds.AddItem;

internal static class Data
{
    public const string Exists = "SELECT COUNT(*) FROM review_item WHERE round_id = @RoundId AND subject_id = @SubjectId";

    public const string Insert = """
        INSERT INTO review_item (id, round_id, subject_id, subject_code, title, field, issuer_organisation_id, conflict_organisations,
            conflict_people, challenge_id, passed, added_at)
        VALUES (@Id, @RoundId, @SubjectId, @SubjectCode, @Title, @Field, @IssuerOrganisationId, @ConflictOrganisations,
            @ConflictPeople, @ChallengeId, NULL, @Now)
        """;

    public const string Touch = "UPDATE review_round SET updated_at = @Now, version = version + 1 WHERE id = @Id AND status = @Status";
}
