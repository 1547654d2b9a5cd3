import { mount } from '../shell/mount';
import { PlanPage } from '../plan/PlanPage';

mount(<PlanPage />, 'tab.plan.pageTitle');
