package com.csr.modelservice.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.domain.SampleData;
import com.csr.domain.training.TrainingData;
import com.csr.ml.tribuo.Seeds;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A challenger replaces the champion only if at least as good on the same out-of-time validation. */
class ChampionChallengeTest {

    private static TrainingData now;
    private static TrainingData earlier;
    private static LocalDate earlierAsOf;

    @BeforeAll
    static void trainingData() {
        SampleData sample = SampleData.get();
        now = TrainingData.build(sample.histories.values(), sample.clean.asOf(), SampleData.HORIZON);
        earlierAsOf = sample.clean.asOf().minusDays(120);
        earlier = TrainingData.build(sample.histories.values(), earlierAsOf, SampleData.HORIZON);
    }

    @Test
    void withNoChampionTheChallengerIsPromoted() {
        TrainedModel challenger = ModelKind.CHURN.train(now, Seeds.DEFAULT);
        ChampionChallenge.Verdict verdict = ChampionChallenge.judge(ModelKind.CHURN, challenger, now.asOf(),
                Optional.empty(), now.later());
        assertThat(verdict.promote()).isTrue();
        assertThat(verdict.reason()).isEqualTo("no model was active");
    }

    @Test
    void aChampionWhoseDataEndedBeforeTheValidationIsScoredOnIt() {
        TrainedModel challenger = ModelKind.LTV.train(now, Seeds.DEFAULT);
        TrainedModel champion = ModelKind.LTV.train(earlier, Seeds.DEFAULT);
        ChampionChallenge.Verdict verdict = ChampionChallenge.judge(ModelKind.LTV, challenger, now.asOf(),
                Optional.of(new ChampionChallenge.Champion(champion, earlierAsOf, champion.metrics())), now.later());

        assertThat(verdict.metric()).isEqualTo("normalized_gini");
        assertThat(verdict.champion()).isBetween(0.0, 1.0).isNotEqualTo(champion.metrics().get("normalized_gini"));
        assertThat(verdict.reason()).endsWith("on the same validation");
        assertThat(verdict.promote()).isEqualTo(verdict.challenger() >= verdict.champion());
    }

    @Test
    void aChampionThatSawTheValidationPeriodIsJudgedByItsRecordedFigure() {
        TrainedModel challenger = ModelKind.CHURN.train(now, Seeds.DEFAULT);
        Map<String, Object> better = new HashMap<>(challenger.metrics());
        better.put("roc_auc", 0.99);
        ChampionChallenge.Verdict worse = ChampionChallenge.judge(ModelKind.CHURN, challenger, now.asOf(),
                Optional.of(new ChampionChallenge.Champion(challenger, now.asOf(), better)), now.later());
        assertThat(worse.promote()).isFalse();
        assertThat(worse.champion()).isEqualTo(0.99);
        assertThat(worse.reason()).contains(" < ").contains("as recorded at its training");

        ChampionChallenge.Verdict same = ChampionChallenge.judge(ModelKind.CHURN, challenger, now.asOf(),
                Optional.of(new ChampionChallenge.Champion(challenger, now.asOf(), challenger.metrics())), now.later());
        assertThat(same.promote()).as("at least as good is enough").isTrue();
    }

    @Test
    void aNewSegmentationAlwaysReplacesTheOldAndSaysWhy() {
        TrainedModel segments = ModelKind.SEGMENT.train(now, Seeds.DEFAULT);
        ChampionChallenge.Verdict verdict = ChampionChallenge.judge(ModelKind.SEGMENT, segments, now.asOf(),
                Optional.of(new ChampionChallenge.Champion(segments, now.asOf(), segments.metrics())), now.later());
        assertThat(verdict.promote()).isTrue();
        assertThat(verdict.reason()).contains("no out-of-time target");
    }

    @Test
    void aChallengerOnOlderDataNeverReplacesTheChampion() {
        TrainedModel older = ModelKind.SEGMENT.train(earlier, Seeds.DEFAULT);
        TrainedModel champion = ModelKind.SEGMENT.train(now, Seeds.DEFAULT);
        ChampionChallenge.Verdict verdict = ChampionChallenge.judge(ModelKind.SEGMENT, older, earlierAsOf,
                Optional.of(new ChampionChallenge.Champion(champion, now.asOf(), champion.metrics())), earlier.later());
        assertThat(verdict.promote()).isFalse();
        assertThat(verdict.reason()).contains("older than the active model's").contains("roll back");
    }
}
