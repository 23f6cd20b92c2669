using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <summary>
    /// The sign-off facts (R1, R3, R2/R5: <c>SignOffFacts</c>) kept per stage by PostgreSQL as input and decisions are
    /// written, so every page that shows what stops a sign-off reads a row a stage instead of counting thousands
    /// (docs/decisions/0035-sign-off-facts-kept-by-postgresql.md). Triggers, not the app, keep them: every way a row can
    /// change (a page, the seeder's bulk path, a person's data erased by SQL) moves the counts with it. What counts as
    /// lived-experience input is <c>Contribution.LivedExperienceInput</c> (voice LivedExperience or Carer); a test
    /// compares these facts with the aggregate's own on generated cycles, so a change there shows up.
    /// </summary>
    public partial class KeepSignOffFactsPerStage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                -- How much input and how many decisions each stage has, all of them, for the cycle's overview.
                CREATE TABLE stage_counts (
                    stage_id uuid PRIMARY KEY REFERENCES stages (id) ON DELETE CASCADE,
                    contributions integer NOT NULL,
                    decisions integer NOT NULL);
                -- R1 and R3: a row a stage with lived-experience input.
                CREATE TABLE stage_lived_experience (
                    stage_id uuid PRIMARY KEY REFERENCES stages (id) ON DELETE CASCADE,
                    contributions integer NOT NULL,
                    voices integer NOT NULL,
                    from_accounts integer NOT NULL,
                    unanswered integer NOT NULL);
                -- R1's distinct people: one row for each account that gave the stage lived-experience input.
                CREATE TABLE stage_lived_experience_people (
                    stage_id uuid NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
                    user_id character varying(128) NOT NULL,
                    contributions integer NOT NULL,
                    PRIMARY KEY (stage_id, user_id));
                -- R1's "not only logged by the signer": how much of it each person logged ('' where nobody logged it for someone).
                CREATE TABLE stage_lived_experience_recorders (
                    stage_id uuid NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
                    recorded_by character varying(128) NOT NULL,
                    contributions integer NOT NULL,
                    PRIMARY KEY (stage_id, recorded_by));
                -- R2 and R5: the decisions that break a rule, usually none.
                CREATE TABLE decision_rule_breaches (
                    decision_id uuid PRIMARY KEY REFERENCES decisions (id) ON DELETE CASCADE,
                    stage_id uuid NOT NULL);
                CREATE INDEX ix_decision_rule_breaches_stage_id ON decision_rule_breaches (stage_id);

                CREATE FUNCTION count_lived_experience_input(
                    stage uuid, author text, recorder text, voices integer, revision integer, sign integer)
                RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    -- A stage being deleted takes its counts with it (the foreign keys cascade); nothing to count.
                    IF NOT EXISTS (SELECT 1 FROM stages WHERE id = stage) THEN
                        RETURN;
                    END IF;
                    INSERT INTO stage_lived_experience AS f (stage_id, contributions, voices, from_accounts, unanswered)
                    VALUES (stage, sign, sign * voices, CASE WHEN author IS NULL THEN 0 ELSE sign END, CASE WHEN revision = 0 THEN sign ELSE 0 END)
                    ON CONFLICT (stage_id) DO UPDATE SET
                        contributions = f.contributions + EXCLUDED.contributions,
                        voices = f.voices + EXCLUDED.voices,
                        from_accounts = f.from_accounts + EXCLUDED.from_accounts,
                        unanswered = f.unanswered + EXCLUDED.unanswered;
                    IF author IS NOT NULL THEN
                        INSERT INTO stage_lived_experience_people AS p (stage_id, user_id, contributions) VALUES (stage, author, sign)
                        ON CONFLICT (stage_id, user_id) DO UPDATE SET contributions = p.contributions + EXCLUDED.contributions;
                        DELETE FROM stage_lived_experience_people WHERE stage_id = stage AND user_id = author AND contributions = 0;
                    END IF;
                    INSERT INTO stage_lived_experience_recorders AS r (stage_id, recorded_by, contributions) VALUES (stage, coalesce(recorder, ''), sign)
                    ON CONFLICT (stage_id, recorded_by) DO UPDATE SET contributions = r.contributions + EXCLUDED.contributions;
                    DELETE FROM stage_lived_experience_recorders WHERE stage_id = stage AND recorded_by = coalesce(recorder, '') AND contributions = 0;
                END
                $$;

                CREATE FUNCTION count_in_stage(stage uuid, contributions integer, decisions integer) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    IF stage IS NULL OR NOT EXISTS (SELECT 1 FROM stages WHERE id = stage) THEN
                        RETURN;
                    END IF;
                    INSERT INTO stage_counts AS k (stage_id, contributions, decisions) VALUES (stage, contributions, decisions)
                    ON CONFLICT (stage_id) DO UPDATE SET
                        contributions = k.contributions + EXCLUDED.contributions,
                        decisions = k.decisions + EXCLUDED.decisions;
                END
                $$;

                CREATE FUNCTION keep_decision_rule_breach(decision uuid) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM decision_rule_breaches WHERE decision_id = decision;
                    INSERT INTO decision_rule_breaches (decision_id, stage_id)
                    SELECT d.id, d.stage_id
                    FROM decisions AS d
                    WHERE d.id = decision AND d.stage_id IS NOT NULL AND (
                        NOT (EXISTS (SELECT 1 FROM decision_participants AS p WHERE p.decision_id = d.id)
                            OR EXISTS (SELECT 1 FROM decision_groups AS g WHERE g.decision_id = d.id))
                        OR (d.mode = 'CoProduced' AND NOT EXISTS (
                            SELECT 1 FROM decision_influences AS i JOIN contributions AS c ON c.id = i.contribution_id
                            WHERE i.decision_id = d.id AND c.voice IN ('LivedExperience', 'Carer')))
                        OR (d.mode <> 'CoProduced' AND d.rationale = ''));
                $$;

                CREATE FUNCTION contributions_keep_sign_off_facts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.stage_id IS DISTINCT FROM NEW.stage_id) THEN
                        PERFORM count_in_stage(OLD.stage_id, -1, 0);
                    END IF;
                    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD.stage_id IS DISTINCT FROM NEW.stage_id) THEN
                        PERFORM count_in_stage(NEW.stage_id, 1, 0);
                    END IF;
                    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.stage_id IS NOT NULL AND OLD.voice IN ('LivedExperience', 'Carer') THEN
                        PERFORM count_lived_experience_input(OLD.stage_id, OLD.author_user_id, OLD.recorded_by_user_id, OLD.voices_carried, OLD.response_revision, -1);
                    END IF;
                    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.stage_id IS NOT NULL AND NEW.voice IN ('LivedExperience', 'Carer') THEN
                        PERFORM count_lived_experience_input(NEW.stage_id, NEW.author_user_id, NEW.recorded_by_user_id, NEW.voices_carried, NEW.response_revision, 1);
                    END IF;
                    -- Whether a decision is shaped by lived experience follows the voice of the input it cites.
                    IF TG_OP = 'UPDATE' AND OLD.voice IS DISTINCT FROM NEW.voice THEN
                        PERFORM keep_decision_rule_breach(i.decision_id) FROM decision_influences AS i WHERE i.contribution_id = NEW.id;
                    END IF;
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER contributions_keep_sign_off_facts
                    AFTER INSERT OR DELETE OR UPDATE OF stage_id, voice, author_user_id, recorded_by_user_id, voices_carried, response_revision
                    ON contributions FOR EACH ROW EXECUTE FUNCTION contributions_keep_sign_off_facts();

                CREATE FUNCTION decisions_keep_rule_breach() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.stage_id IS DISTINCT FROM NEW.stage_id) THEN
                        PERFORM count_in_stage(OLD.stage_id, 0, -1);
                    END IF;
                    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD.stage_id IS DISTINCT FROM NEW.stage_id) THEN
                        PERFORM count_in_stage(NEW.stage_id, 0, 1);
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        PERFORM keep_decision_rule_breach(NEW.id);
                    END IF;
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER decisions_keep_rule_breach
                    AFTER INSERT OR DELETE OR UPDATE OF stage_id, mode, rationale ON decisions
                    FOR EACH ROW EXECUTE FUNCTION decisions_keep_rule_breach();

                CREATE FUNCTION decision_parts_keep_rule_breach() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        PERFORM keep_decision_rule_breach(OLD.decision_id);
                    END IF;
                    IF TG_OP IN ('UPDATE', 'INSERT') AND (TG_OP = 'INSERT' OR NEW.decision_id IS DISTINCT FROM OLD.decision_id) THEN
                        PERFORM keep_decision_rule_breach(NEW.decision_id);
                    END IF;
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER decision_participants_keep_rule_breach AFTER INSERT OR DELETE OR UPDATE ON decision_participants
                    FOR EACH ROW EXECUTE FUNCTION decision_parts_keep_rule_breach();
                CREATE TRIGGER decision_groups_keep_rule_breach AFTER INSERT OR DELETE OR UPDATE ON decision_groups
                    FOR EACH ROW EXECUTE FUNCTION decision_parts_keep_rule_breach();
                CREATE TRIGGER decision_influences_keep_rule_breach AFTER INSERT OR DELETE OR UPDATE ON decision_influences
                    FOR EACH ROW EXECUTE FUNCTION decision_parts_keep_rule_breach();

                -- What is there already.
                INSERT INTO stage_counts (stage_id, contributions, decisions)
                SELECT s.id, (SELECT count(*) FROM contributions AS c WHERE c.stage_id = s.id), (SELECT count(*) FROM decisions AS d WHERE d.stage_id = s.id)
                FROM stages AS s;
                INSERT INTO stage_lived_experience (stage_id, contributions, voices, from_accounts, unanswered)
                SELECT stage_id, count(*), sum(voices_carried), count(author_user_id), count(*) FILTER (WHERE response_revision = 0)
                FROM contributions WHERE stage_id IS NOT NULL AND voice IN ('LivedExperience', 'Carer') GROUP BY stage_id;
                INSERT INTO stage_lived_experience_people (stage_id, user_id, contributions)
                SELECT stage_id, author_user_id, count(*)
                FROM contributions WHERE stage_id IS NOT NULL AND voice IN ('LivedExperience', 'Carer') AND author_user_id IS NOT NULL
                GROUP BY stage_id, author_user_id;
                INSERT INTO stage_lived_experience_recorders (stage_id, recorded_by, contributions)
                SELECT stage_id, coalesce(recorded_by_user_id, ''), count(*)
                FROM contributions WHERE stage_id IS NOT NULL AND voice IN ('LivedExperience', 'Carer')
                GROUP BY stage_id, coalesce(recorded_by_user_id, '');
                SELECT keep_decision_rule_breach(id) FROM decisions;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER contributions_keep_sign_off_facts ON contributions;
                DROP TRIGGER decisions_keep_rule_breach ON decisions;
                DROP TRIGGER decision_participants_keep_rule_breach ON decision_participants;
                DROP TRIGGER decision_groups_keep_rule_breach ON decision_groups;
                DROP TRIGGER decision_influences_keep_rule_breach ON decision_influences;
                DROP FUNCTION contributions_keep_sign_off_facts();
                DROP FUNCTION decisions_keep_rule_breach();
                DROP FUNCTION decision_parts_keep_rule_breach();
                DROP FUNCTION keep_decision_rule_breach(uuid);
                DROP FUNCTION count_lived_experience_input(uuid, text, text, integer, integer, integer);
                DROP FUNCTION count_in_stage(uuid, integer, integer);
                DROP TABLE stage_counts;
                DROP TABLE decision_rule_breaches;
                DROP TABLE stage_lived_experience_recorders;
                DROP TABLE stage_lived_experience_people;
                DROP TABLE stage_lived_experience;
                """);
        }
    }
}
