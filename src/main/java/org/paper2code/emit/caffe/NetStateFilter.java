package org.paper2code.emit.caffe;

import java.util.List;
import org.paper2code.emit.caffe.proto.CaffeProto.NetStateRule;
import org.paper2code.emit.caffe.proto.CaffeProto.Phase;

/**
 * Caffe's include/exclude rules ({@code Net::StateMeetsRule}) for one net state: a phase,
 * level 0 and no stages. A layer with include rules needs one that matches; a layer with
 * exclude rules needs none that matches.
 */
final class NetStateFilter {
    private final Phase phase;

    NetStateFilter(Phase phase) {
        this.phase = phase;
    }

    boolean includes(List<NetStateRule> include, List<NetStateRule> exclude) {
        if (!include.isEmpty()) {
            return include.stream().anyMatch(this::meets);
        }
        return exclude.stream().noneMatch(this::meets);
    }

    private boolean meets(NetStateRule rule) {
        if (rule.hasPhase() && rule.getPhase() != phase) {
            return false;
        }
        if (rule.hasMinLevel() && 0 < rule.getMinLevel()) {
            return false;
        }
        if (rule.hasMaxLevel() && 0 > rule.getMaxLevel()) {
            return false;
        }
        // the state has no stages: a rule asking for one fails, a not_stage rule is met
        return rule.getStageCount() == 0;
    }
}
