// First: the plan and the opening section's code start downloading while the rest of this script is evaluated.
import '../plan/early';
import { mount } from '../shell/mount';
import { PlanPage } from '../plan/PlanPage';

mount(<PlanPage />, 'tab.plan.pageTitle');
