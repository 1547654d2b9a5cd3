import { mount } from '../shell/mount';
import { DeliveryPage } from '../delivery/DeliveryPage';

mount(<DeliveryPage />, 'delivery.title');
