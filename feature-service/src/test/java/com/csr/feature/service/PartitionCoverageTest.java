package com.csr.feature.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ServiceUnavailableException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionCoverageTest {

    @Test
    void answersCoveringEveryPartitionOnceStand() {
        assertThatCode(() -> PartitionCoverage.require(3, List.of(List.of(0, 2), List.of(1), List.of())))
                .doesNotThrowAnyException();
        assertThatCode(() -> PartitionCoverage.require(3, List.of(Set.of(0, 1, 2)))).doesNotThrowAnyException();
    }

    @Test
    void aPartitionNoAnswerNamesIsBeingRestored() {
        assertThatThrownBy(() -> PartitionCoverage.require(3, List.of(List.of(0), List.of(2))))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("partition 1 is being restored; try again in a few seconds");
        assertThatThrownBy(() -> PartitionCoverage.require(3, List.of()))
                .hasMessage("partition 0 is being restored; try again in a few seconds");
    }

    @Test
    void aPartitionTwoAnswersNameIsRefusedRatherThanCountedTwice() {
        assertThatThrownBy(() -> PartitionCoverage.require(3, List.of(List.of(0, 1), List.of(1, 2))))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("partition 1 was read on two instances while it moved between them; try again in a few "
                        + "seconds");
    }

    @Test
    void aPartitionTheStoresDoNotHaveIsRefused() {
        assertThatThrownBy(() -> PartitionCoverage.require(3, List.of(List.of(0, 1, 2), List.of(3))))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("partition 3 is not one of the 3 this instance knows of; try again in a few seconds");
    }
}
